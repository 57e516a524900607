namespace ServiceHall.Portal;

/// <summary>
/// 适老化 (elder-friendly mode): larger type, higher contrast and one column, switched by one button and remembered a
/// year in a cookie. A plain form post, so it works without script.
/// </summary>
public static class ElderMode
{
    public const string Cookie = "elder";
    public const string Path = "/preferences/elder";

    public static bool IsOn(HttpContext http) => http.Request.Cookies[Cookie] == "1";

    public static void MapElderMode(this WebApplication app) =>
        // No antiforgery token: a preference for larger type is no harm if another site sets it, and the switch must
        // work for a first-time reader whose page carried no token.
        app.MapPost(Path, async (HttpContext http) =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            var on = form?["elder"].ToString() switch
            {
                "1" => true,
                "0" => false,
                _ => !IsOn(http),
            };
            if (on)
            {
                http.Response.Cookies.Append(Cookie, "1", new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365),
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = http.Request.IsHttps,
                    IsEssential = true,
                    Path = "/",
                });
            }
            else
            {
                http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
            }
            return new SeeOther(LocalUrl.OrHome(form?["returnUrl"].ToString()));
        }).DisableAntiforgery();
}
