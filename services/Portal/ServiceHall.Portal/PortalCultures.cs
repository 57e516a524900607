using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ServiceHall.Portal;

/// <summary>Chinese first: zh-CN unless another configured language is asked for (query, cookie, Accept-Language).</summary>
public static class PortalCultures
{
    public static RequestLocalizationOptions Options(PortalSettings settings)
    {
        var cultures = settings.Cultures.Select(c => new CultureInfo(c)).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(cultures[0]),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
    }
}
