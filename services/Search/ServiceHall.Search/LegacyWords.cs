using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace ServiceHall.Search;

/// <summary>
/// Sources keep every event in their outbox and a rebuild replays them all, so events written before the contracts
/// had enums still arrive, under the same JSON names with the old words: "status": "published", "kind": "penalty",
/// "sector": "social-insurance". Each such word becomes the enum value it names (ITEM_STATUS_PUBLISHED), found by
/// name in the event's own descriptor, before the event is parsed. Numbers (an old online depth of 4) need nothing:
/// proto JSON reads an enum from its number.
/// </summary>
public static class LegacyWords
{
    public static string Upgrade(string json, MessageDescriptor descriptor)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject root && Upgrade(root, descriptor) ? root.ToJsonString() : json;
        }
        catch (JsonException)
        {
            return json;  // not JSON: the event's parser says so
        }
    }

    static bool Upgrade(JsonObject json, MessageDescriptor descriptor)
    {
        var changed = false;
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (!json.TryGetPropertyValue(field.JsonName, out var value) || value is null)
            {
                continue;
            }
            if (field.FieldType == FieldType.Enum && value is JsonValue scalar && scalar.TryGetValue<string>(out var word)
                && field.EnumType.FindValueByName(word) is null
                && field.EnumType.FindValueByName(Prefix(field.EnumType) + word.ToUpperInvariant().Replace('-', '_')) is { } named)
            {
                json[field.JsonName] = named.Name;
                changed = true;
            }
            else if (field.FieldType == FieldType.Message && value is JsonArray list)
            {
                foreach (var element in list.OfType<JsonObject>())
                {
                    changed |= Upgrade(element, field.MessageType);
                }
            }
            else if (field.FieldType == FieldType.Message && value is JsonObject nested)
            {
                changed |= Upgrade(nested, field.MessageType);
            }
        }
        return changed;
    }

    /// <summary>ItemStatus → ITEM_STATUS_: the protobuf style prefixes every value with its enum's name.</summary>
    static string Prefix(EnumDescriptor e) =>
        string.Concat(e.Name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant() + "_";
}
