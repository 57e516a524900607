using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using ServiceHall.Identity.Data;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Identity.Account;

/// <summary>
/// /account/two-factor: a signed-in staff member (any role but applicant) turns on the authenticator second
/// factor: the page shows the key and its otpauth:// URI, and a code from the app confirms it.
/// </summary>
public static class TwoFactorEndpoints
{
    const string Path = "/account/two-factor";
    const string Issuer = "县政务服务网";

    public static WebApplication MapTwoFactorEndpoints(this WebApplication app)
    {
        app.MapGet(Path, async (HttpContext context, IAntiforgery antiforgery, UserManager<HallUser> users) =>
        {
            var (refused, user) = await StaffAsync(context, users);
            return refused ?? await PageAsync(context, antiforgery, users, user!, null);
        });
        app.MapPost(Path, ConfirmAsync).DisableAntiforgery();
        return app;
    }

    static async Task<IResult> ConfirmAsync(HttpContext context, IAntiforgery antiforgery, UserManager<HallUser> users,
        SignInManager<HallUser> signIns, AuditTrail audit)
    {
        var (refused, user) = await StaffAsync(context, users);
        if (refused is not null)
        {
            return refused;
        }
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return await PageAsync(context, antiforgery, users, user!, "页面已过期，请重新输入动态验证码。", StatusCodes.Status400BadRequest);
        }
        var code = new string((context.Request.Form["totp"].ToString()).Where(char.IsAsciiDigit).ToArray());
        if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user!, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await audit.RecordAsync(user!.UserName ?? user.Id, "two-factor", user.Id, "WrongCode", "enabling the authenticator");
            return await PageAsync(context, antiforgery, users, user, "动态验证码错误。");
        }
        await users.SetTwoFactorEnabledAsync(user!, true);
        await signIns.RefreshSignInAsync(user!);
        await audit.RecordAsync(user!.UserName ?? user.Id, "two-factor", user.Id, "OK", "authenticator enabled");
        return await PageAsync(context, antiforgery, users, user, null);
    }

    /// <summary>The signed-in staff member, or why the page is not theirs.</summary>
    static async Task<(IResult? Result, HallUser? User)> StaffAsync(HttpContext context, UserManager<HallUser> users)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return (Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(Path)), null);
        }
        var roles = await users.GetRolesAsync(user);
        if (!roles.Any(r => r != HallRoles.Applicant))
        {
            return (AccountEndpoints.Html(HallPage.Layout("动态验证码", """
                <h1>动态验证码</h1>
                <p class="message" role="alert">动态验证码仅面向工作人员账户。</p>
                <p><a href="/">返回</a></p>
                """), StatusCodes.Status403Forbidden), user);
        }
        return (null, user);
    }

    static async Task<IResult> PageAsync(HttpContext context, IAntiforgery antiforgery, UserManager<HallUser> users, HallUser user, string? message,
        int status = StatusCodes.Status200OK)
    {
        if (user.TwoFactorEnabled)
        {
            return AccountEndpoints.Html(HallPage.Layout("动态验证码", """
                <h1>动态验证码</h1>
                <p role="status">动态验证码已启用。今后登录时，除密码外还需输入验证器中的 6 位动态验证码。</p>
                <p><a href="/">返回</a></p>
                """), status);
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var label = Uri.EscapeDataString($"{Issuer}:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        var tokens = antiforgery.GetAndStoreTokens(context);
        return AccountEndpoints.Html(HallPage.Layout("动态验证码", $"""
            <h1>启用动态验证码</h1>
            {HallPage.Message(message)}
            <p>请在验证器应用中添加账户，输入以下密钥，或使用此地址：</p>
            <p>密钥：<code id="key">{HallPage.Encode(string.Join(' ', key!.Chunk(4).Select(c => new string(c))))}</code></p>
            <p>地址：<code id="uri">{HallPage.Encode(uri)}</code></p>
            <form method="post" action="{Path}">
            {HallPage.Antiforgery(tokens.FormFieldName, tokens.RequestToken)}
            <label for="totp">动态验证码</label>
            <input type="text" id="totp" name="totp" inputmode="numeric" maxlength="7" autocomplete="one-time-code" required>
            <button type="submit">启用</button>
            </form>
            """), status);
    }
}
