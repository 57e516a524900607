using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using ServiceHall.Identity.Data;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Identity.Account;

/// <summary>/account/login and /account/logout: the Chinese sign-in page and sign-out, on Identity's cookie.</summary>
public static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapGet("/account/login", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            Page(context, antiforgery, new LoginView(LocalUrl.OrHome(returnUrl), "", false, null, "", null)));

        // The antiforgery token is checked here by hand, so a stale or missing one gives the page again, not a bare 400.
        app.MapPost("/account/login", SignInAsync).DisableAntiforgery();

        // Signing out changes state, so only a POST with the antiforgery token does it: a link or an image on another
        // site cannot sign anybody out. GET shows the button (or, once signed out, says so).
        app.MapGet("/account/logout", ConfirmSignOutAsync);
        app.MapPost("/account/logout", SignOutAsync).DisableAntiforgery();
        app.MapGet("/", Home);
        return app;
    }

    static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, PasswordSignIn passwords, SignInManager<HallUser> signIns)
    {
        if (!context.Request.HasFormContentType)
        {
            return Page(context, antiforgery, new LoginView("/", "", false, "请通过登录页面提交用户名和密码。", "", null), StatusCodes.Status400BadRequest);
        }
        var form = await context.Request.ReadFormAsync();
        var returnUrl = LocalUrl.OrHome(form["returnUrl"]);
        var userName = form["username"].ToString();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Page(context, antiforgery, new LoginView(returnUrl, userName, false, "页面已过期，请重新输入用户名和密码。", "", null), StatusCodes.Status400BadRequest);
        }

        var attempt = await passwords.AttemptAsync(userName, form["password"], form["totp"], context.Connection.RemoteIpAddress);
        if (attempt.Succeeded)
        {
            await signIns.SignInAsync(attempt.User!, isPersistent: false);
            return Results.Redirect(returnUrl);
        }
        var message = attempt.Problem switch
        {
            SignInProblem.MissingFields => "请输入用户名和密码。",
            SignInProblem.CodeRequired => "此账户已启用动态验证码：请再次输入密码，并输入验证器中的 6 位动态验证码。",
            SignInProblem.WrongCode => "动态验证码错误。",
            _ => "用户名或密码错误。",
        };
        var askForCode = attempt.Problem is SignInProblem.CodeRequired or SignInProblem.WrongCode;
        return Page(context, antiforgery, new LoginView(returnUrl, userName.Trim(), askForCode, message, "", null));
    }

    static async Task<IResult> ConfirmSignOutAsync(HttpContext context, IAntiforgery antiforgery, UserManager<HallUser> users, string? returnUrl)
    {
        if (await users.GetUserAsync(context.User) is null)
        {
            return SignedOut();
        }
        return Html(HallPage.Layout("退出登录", $"""
            <h1>退出登录</h1>
            {SignOutForm(context, antiforgery, returnUrl)}
            """));
    }

    /// <summary>The sign-out button: a form with the antiforgery token, posted to /account/logout.</summary>
    public static string SignOutForm(HttpContext context, IAntiforgery antiforgery, string? returnUrl = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var back = LocalUrl.IsLocal(returnUrl) ? $"""<input type="hidden" name="returnUrl" value="{HallPage.Encode(returnUrl)}">""" : "";
        return $"""
            <form method="post" action="/account/logout">
            {HallPage.Antiforgery(tokens.FormFieldName, tokens.RequestToken)}
            {back}
            <button type="submit">退出登录</button>
            </form>
            """;
    }

    static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<HallUser> signIns, AuditTrail audit)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return Html(HallPage.Layout("退出登录", $"""
                <h1>退出登录</h1>
                {HallPage.Message("页面已过期，请再次点击“退出登录”。")}
                {SignOutForm(context, antiforgery)}
                """), StatusCodes.Status400BadRequest);
        }
        var returnUrl = context.Request.Form["returnUrl"].ToString();
        var user = await signIns.UserManager.GetUserAsync(context.User);
        await signIns.SignOutAsync();
        if (user is not null)
        {
            await audit.RecordAsync(user.UserName ?? user.Id, "sign-out", user.Id, "OK");
        }
        return LocalUrl.IsLocal(returnUrl) ? Results.Redirect(returnUrl) : SignedOut();
    }

    static IResult SignedOut() =>
        Html(HallPage.Layout("已退出登录", """
            <h1>已退出登录</h1>
            <p>您已安全退出县政务服务网统一身份认证。</p>
            <p><a href="/account/login">重新登录</a></p>
            """));

    static async Task<IResult> Home(HttpContext context, IAntiforgery antiforgery, UserManager<HallUser> users)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return Html(HallPage.Layout("统一身份认证", """
                <h1>统一身份认证</h1>
                <p><a href="/account/login">登录</a></p>
                """));
        }
        return Html(HallPage.Layout("统一身份认证", $"""
            <h1>统一身份认证</h1>
            <p>您已登录：{HallPage.Encode(user.DisplayName)}（{HallPage.Encode(user.UserName)}）</p>
            <ul>
            <li><a href="/account/two-factor">动态验证码（双重验证）</a></li>
            </ul>
            {SignOutForm(context, antiforgery)}
            """));
    }

    static IResult Page(HttpContext context, IAntiforgery antiforgery, LoginView view, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Html(LoginPage.Render(view with { AntiforgeryField = tokens.FormFieldName, AntiforgeryToken = tokens.RequestToken }), status);
    }

    /// <summary>A page that must not be cached (it carries an antiforgery token or says who is signed in).</summary>
    public static IResult Html(string html, int status = StatusCodes.Status200OK) => new NoStoreHtml(html, status);

    sealed class NoStoreHtml(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Content(html, "text/html; charset=utf-8", statusCode: status).ExecuteAsync(context);
        }
    }
}
