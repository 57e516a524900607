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

        app.MapMethods("/account/logout", ["GET", "POST"], SignOutAsync).DisableAntiforgery();
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

        var from = $"from {context.Connection.RemoteIpAddress?.ToString() ?? "unknown address"}";
        var attempt = await passwords.AttemptAsync(userName, form["password"], form["totp"], from);
        if (attempt.Succeeded)
        {
            await signIns.SignInAsync(attempt.User!, isPersistent: false);
            return Results.Redirect(returnUrl);
        }
        var message = attempt.Problem switch
        {
            SignInProblem.MissingFields => "请输入用户名和密码。",
            SignInProblem.LockedOut => $"账户已锁定，请 {attempt.LockedMinutes} 分钟后再试。",
            SignInProblem.CodeRequired => "此账户已启用动态验证码：请再次输入密码，并输入验证器中的 6 位动态验证码。",
            SignInProblem.WrongCode => "动态验证码错误。",
            _ => "用户名或密码错误。",
        };
        var askForCode = attempt.Problem is SignInProblem.CodeRequired or SignInProblem.WrongCode;
        return Page(context, antiforgery, new LoginView(returnUrl, userName.Trim(), askForCode, message, "", null));
    }

    /// <summary>GET as well as POST: a sign-out link must work without a form, and it can only end the session.</summary>
    static async Task<IResult> SignOutAsync(HttpContext context, SignInManager<HallUser> signIns, AuditTrail audit, string? returnUrl)
    {
        var user = await signIns.UserManager.GetUserAsync(context.User);
        await signIns.SignOutAsync();
        if (user is not null)
        {
            await audit.RecordAsync(user.UserName ?? user.Id, "sign-out", user.Id, "OK");
        }
        if (LocalUrl.IsLocal(returnUrl))
        {
            return Results.Redirect(returnUrl!);
        }
        return Html(HallPage.Layout("已退出登录", """
            <h1>已退出登录</h1>
            <p>您已安全退出县政务服务网统一身份认证。</p>
            <p><a href="/account/login">重新登录</a></p>
            """));
    }

    static async Task<IResult> Home(HttpContext context, UserManager<HallUser> users)
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
            <li><a href="/account/logout">退出登录</a></li>
            </ul>
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
