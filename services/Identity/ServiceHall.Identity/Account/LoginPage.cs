namespace ServiceHall.Identity.Account;

/// <summary>What the sign-in page shows: the typed user name comes back, the password never does.</summary>
public sealed record LoginView(string ReturnUrl, string UserName, bool AskForCode, string? Message, string AntiforgeryField, string? AntiforgeryToken);

/// <summary>登录 — 县政务服务网: user name, password and, for accounts with an authenticator, the 6-digit code.</summary>
public static class LoginPage
{
    public const string Title = "登录";

    public static string Render(LoginView view)
    {
        var describedBy = string.IsNullOrEmpty(view.Message) ? "" : """ aria-describedby="message" """;
        var code = view.AskForCode
            ? $"""
              <label for="totp">动态验证码</label>
              <input type="text" id="totp" name="totp" inputmode="numeric" pattern="[0-9 ]*" maxlength="7" autocomplete="one-time-code" required aria-describedby="totp-note">
              <p class="note" id="totp-note">请打开验证器应用，输入其中显示的 6 位数字。</p>
              """
            : "";
        var body = $"""
            <h1>{Title}</h1>
            {HallPage.Message(view.Message)}
            <form method="post" action="/account/login" novalidate>
            {HallPage.Antiforgery(view.AntiforgeryField, view.AntiforgeryToken)}
            <input type="hidden" name="returnUrl" value="{HallPage.Encode(view.ReturnUrl)}">
            <label for="username">用户名</label>
            <input type="text" id="username" name="username" value="{HallPage.Encode(view.UserName)}" autocomplete="username" autocapitalize="none" spellcheck="false" required{describedBy}>
            <label for="password">密码</label>
            <input type="password" id="password" name="password" autocomplete="current-password" required>
            {code}
            <button type="submit">登录</button>
            </form>
            """;
        return HallPage.Layout(Title, body);
    }
}
