using System.Globalization;
using Grpc.Core;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// List paging: a page size clamped to [1, Max] (default 20) and an opaque page token that carries the offset.
/// An empty next token marks the last page.
/// </summary>
public readonly record struct Paging(int Offset, int Size)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static Paging From(int pageSize, string pageToken)
    {
        if (pageSize < 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "page_size: must not be negative"));
        }
        var size = pageSize == 0 ? DefaultSize : Math.Min(pageSize, MaxSize);
        if (string.IsNullOrEmpty(pageToken))
        {
            return new(0, size);
        }
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(pageToken));
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return new(offset, size);
            }
        }
        catch (FormatException)
        {
        }
        throw new RpcException(new Status(StatusCode.InvalidArgument, "page_token: is not a token this service issued"));
    }

    /// <summary>The token for the page after this one, given how many rows this page fetched (ask for Size + 1).</summary>
    public string NextToken(int fetched) =>
        fetched > Size ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes((Offset + Size).ToString(CultureInfo.InvariantCulture))) : "";
}
