using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ServiceHall.Identity.Account;

/// <summary>
/// The identity service's few pages: server-rendered, Chinese, no script. Every value that came from a request
/// goes through <see cref="Encode"/>; Chinese text stays readable in the source.
/// </summary>
public static class HallPage
{
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? value) => Encoder.Encode(value ?? "");

    /// <summary>A whole page around <paramref name="body"/> (already HTML).</summary>
    public static string Layout(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} — 县政务服务网</title>
        <style>
        body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; background: #f3f5f8; color: #1a1a1a; margin: 0; }
        main { max-width: 26rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
        h1 { font-size: 1.5rem; margin-top: 0; }
        label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
        input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #767676; border-radius: 4px; }
        input:focus, button:focus, a:focus { outline: 3px solid #0b5cad; outline-offset: 2px; }
        button { margin-top: 1.5rem; width: 100%; padding: .7rem; font-size: 1.1rem; background: #0b5cad; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
        button.secondary { background: #fff; color: #0b5cad; border: 1px solid #0b5cad; }
        .message { padding: .75rem; background: #fdecea; color: #8a1c13; border-left: 4px solid #c62828; }
        .note { color: #444; font-size: .95rem; }
        .site { margin: 0 0 .5rem; color: #0b5cad; font-weight: 600; }
        code { word-break: break-all; }
        </style>
        </head>
        <body>
        <main>
        <p class="site">县政务服务网 · 统一身份认证</p>
        {{body}}
        </main>
        </body>
        </html>
        """;

    /// <summary>A message the user must read first: announced by screen readers as soon as the page loads.</summary>
    public static string Message(string? text) =>
        string.IsNullOrEmpty(text) ? "" : $"""<p class="message" role="alert" id="message">{Encode(text)}</p>""";

    public static string Antiforgery(string fieldName, string? token) =>
        $"""<input type="hidden" name="{Encode(fieldName)}" value="{Encode(token)}">""";
}
