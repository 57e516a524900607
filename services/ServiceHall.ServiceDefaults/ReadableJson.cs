using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// JSON whose Chinese stays Chinese: the default encoder writes 请求 as \u8BF7\u6C42, unreadable in a terminal.
/// HTML-sensitive characters are still escaped. Used for the answers the hall writes itself (not transcoded ones).
/// </summary>
public static class ReadableJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
