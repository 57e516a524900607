using System.Globalization;
using Google.Protobuf.Reflection;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// List paging: a page size clamped to [1, Max] (default 20) and an opaque page token that carries the offset.
/// An empty next token marks the last page.
/// </summary>
public readonly record struct Paging(int Offset, int Size)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;
    /// <summary>No list pages this deep; a token beyond it is forged, and offset plus size must not overflow.</summary>
    public const int MaxOffset = 1_000_000;

    /// <param name="request">The list request, whose fields name the page size and token in the refusal.</param>
    public static Paging From(int pageSize, string pageToken, MessageDescriptor request)
    {
        if (pageSize < 0)
        {
            throw new FieldErrors(request).Add("page_size", "不能是负数").Refusal();
        }
        var size = pageSize == 0 ? DefaultSize : Math.Min(pageSize, MaxSize);
        if (string.IsNullOrEmpty(pageToken))
        {
            return new(0, size);
        }
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(pageToken));
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset <= MaxOffset)
            {
                return new(offset, size);
            }
        }
        catch (FormatException)
        {
        }
        throw new FieldErrors(request).Add("page_token", "不是本服务给出的翻页标记；请从第一页重新开始").Refusal();
    }

    /// <summary>The token for the page after this one, given how many rows this page fetched (ask for Size + 1).</summary>
    public string NextToken(int fetched) =>
        fetched > Size ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes((Offset + Size).ToString(CultureInfo.InvariantCulture))) : "";
}
