namespace ServiceHall.Catalog;

/// <summary>The county this catalog serves and its consultation promise, from configuration (Catalog section).</summary>
public sealed record CatalogSettings(string AreaCode, int ReplyWorkingDays)
{
    public static CatalogSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Catalog");
        var settings = new CatalogSettings(section["AreaCode"] ?? "530924000000", section.GetValue("ReplyWorkingDays", 3));
        if (settings.AreaCode.Length != 12 || !settings.AreaCode.All(char.IsAsciiDigit))
        {
            throw new InvalidOperationException($"Catalog:AreaCode must be the county's 12-digit area code, not '{settings.AreaCode}'");
        }
        if (settings.ReplyWorkingDays is < 1 or > 30)
        {
            throw new InvalidOperationException($"Catalog:ReplyWorkingDays must be 1 to 30, not {settings.ReplyWorkingDays}");
        }
        return settings;
    }
}
