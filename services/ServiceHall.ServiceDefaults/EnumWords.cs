using System.Reflection;
using System.Text;
using Google.Protobuf.Reflection;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// A contract enum's value as a lower-case word, by its name: ItemStatus.Published is "published",
/// DisclosureKind.FeeSchedule "fee_schedule", and with '-' between words Sector.SocialInsurance is
/// "social-insurance". These are the words the databases and the search index held before the contracts had enums,
/// so they keep them without a table of words beside each enum. The zero value (…_UNSPECIFIED) is the empty word.
/// Also the value's name in the contract (ITEM_STATUS_PUBLISHED), which JSON and filters carry.
/// </summary>
public static class EnumWords
{
    public static string Of<TEnum>(TEnum value, char separator = '_') where TEnum : struct, Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return "";
        }
        var name = Enum.GetName(value) ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(TEnum).Name}");
        var word = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && word.Length > 0)
            {
                word.Append(separator);
            }
            word.Append(char.ToLowerInvariant(c));
        }
        return word.ToString();
    }

    /// <summary>The value <paramref name="word"/> names; a word no value has is a data error, never a silent default.</summary>
    public static TEnum Parse<TEnum>(string word, char separator = '_') where TEnum : struct, Enum =>
        TryParse<TEnum>(word, separator, out var value) ? value : throw new FormatException($"'{word}' is not a {typeof(TEnum).Name}");

    public static bool TryParse<TEnum>(string word, char separator, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Of(candidate, separator) == word)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The value's name in the .proto file (DOCUMENT_TYPE_QA), as proto JSON writes it and transcoding reads it.</summary>
    public static string ProtoName<TEnum>(TEnum value) where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();

    public static bool TryParseProtoName<TEnum>(string name, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (ProtoName(candidate) == name)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
