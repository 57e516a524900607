namespace ServiceHall.Identity.Account;

/// <summary>
/// 设备授权 — the page a person opens on their phone or computer to let a command-line tool (or another device
/// without a browser) act for them: first the user code the tool printed, then approve or deny.
/// </summary>
public static class DeviceVerificationPage
{
    public const string Title = "设备授权";

    /// <summary>The form asking for the user code; <paramref name="message"/> when the typed one was wrong or expired.</summary>
    public static string AskForCode(string? userCode, string? message)
    {
        var describedBy = string.IsNullOrEmpty(message) ? "" : """ aria-describedby="message" """;
        return HallPage.Layout(Title, $"""
            <h1>{Title}</h1>
            {HallPage.Message(message)}
            <p class="note" id="code-note">请输入命令行工具显示的用户码，例如 1234-5678-9012。</p>
            <form method="get" action="/connect/verify" novalidate>
            <label for="user_code">用户码</label>
            <input type="text" id="user_code" name="user_code" value="{HallPage.Encode(userCode)}" autocomplete="off" autocapitalize="characters" spellcheck="false" required aria-describedby="code-note"{describedBy}>
            <button type="submit">下一步</button>
            </form>
            """);
    }

    /// <summary>Who asks for what, and the two answers; the user code travels back in the form.</summary>
    public static string Confirm(string clientName, string userName, string userCode, string antiforgeryField, string? antiforgeryToken) =>
        HallPage.Layout(Title, $"""
            <h1>{Title}</h1>
            <p>应用“{HallPage.Encode(clientName)}”请求以您的身份（{HallPage.Encode(userName)}）访问县政务服务网。</p>
            <p>用户码：<strong>{HallPage.Encode(userCode)}</strong></p>
            <p class="note">请确认此用户码与命令行工具显示的一致。如果不是您本人发起的请求，请选择“拒绝”。</p>
            <form method="post" action="/connect/verify" novalidate>
            {HallPage.Antiforgery(antiforgeryField, antiforgeryToken)}
            <input type="hidden" name="user_code" value="{HallPage.Encode(userCode)}">
            <button type="submit" name="decision" value="approve">授权</button>
            <button type="submit" name="decision" value="deny" class="secondary">拒绝</button>
            </form>
            """);

    public static string Done(bool approved) =>
        HallPage.Layout(Title, approved
            ? """
              <h1>已授权</h1>
              <p>设备已获得授权，请回到命令行工具继续操作。您可以关闭此页面。</p>
              """
            : """
              <h1>已拒绝</h1>
              <p>您已拒绝此设备的请求，它不会获得访问权限。您可以关闭此页面。</p>
              """);
}
