using Google.Protobuf.Reflection;
using ServiceHall.Common.V1;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// A field's name in a person's words, read from the <c>(servicehall.common.v1.label)</c> option beside it in the
/// proto, for a path such as <c>guide.materials[2].name</c>: "申报材料第3项的材料名称". Only positions are kept of
/// the enclosing fields, since the innermost label already says what is meant.
/// </summary>
public static class FieldLabels
{
    /// <summary>The label of one field, or null when the proto gives it none.</summary>
    public static string? Of(FieldDescriptor field) => field.GetOptions()?.GetExtension(LabelsExtensions.Label) is { Length: > 0 } label ? label : null;

    /// <summary>The path in words, or the path itself where a step is unknown or unlabelled.</summary>
    public static string Describe(MessageDescriptor message, string path)
    {
        var parts = new List<string>();
        MessageDescriptor? current = message;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var (name, index) = Split(segments[i]);
            var field = current?.FindFieldByName(name);
            var label = field is null ? null : Of(field);
            if (label is null)
            {
                return path;
            }
            var last = i == segments.Length - 1;
            if (index is { } n)
            {
                parts.Add($"{label}第{n + 1}项");
            }
            else if (last)
            {
                parts.Add(label);
            }
            current = field!.FieldType == FieldType.Message ? field.MessageType : null;
        }
        return string.Join("的", parts);
    }

    static (string Name, int? Index) Split(string segment)
    {
        var open = segment.IndexOf('[');
        return open > 0 && segment.EndsWith(']') && int.TryParse(segment[(open + 1)..^1], out var index)
            ? (segment[..open], index)
            : (segment, null);
    }
}
