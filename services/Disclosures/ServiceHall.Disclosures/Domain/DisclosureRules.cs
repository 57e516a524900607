using System.Globalization;
using System.Text.RegularExpressions;
using ServiceHall.Disclosures.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Disclosures;

/// <summary>What an organisation and a disclosure must satisfy before anything about them is stored.</summary>
public static partial class DisclosureRules
{
    public const int MaxIdLength = 63;
    public const int MaxNameLength = 200;
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20000;
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The sectors whose public-service units must disclose (公共企事业单位办事公开, docs/domain.md §9).</summary>
    public static readonly IReadOnlyList<string> Sectors =
    [
        "education",        // 教育
        "health",           // 医疗卫生
        "water",            // 供水
        "power",            // 供电
        "gas",              // 供气
        "heating",          // 供热
        "transport",        // 公共交通
        "environment",      // 环境保护
        "telecom",          // 电信
        "social-insurance", // 社会保险
        "culture-sports",   // 文化体育
        "finance",          // 金融
    ];

    public static readonly IReadOnlyList<string> Kinds =
    [
        "service_guide",     // 服务指南
        "fee_schedule",      // 收费标准
        "procedure",         // 办事流程
        "commitment",        // 服务承诺
        "notice",            // 公告
        "complaint_channel", // 投诉渠道
    ];

    public static FieldErrors CheckOrganization(RegisterOrganizationRequest request)
    {
        var errors = new FieldErrors(RegisterOrganizationRequest.Descriptor).Required("id", request.Id);
        if (!string.IsNullOrWhiteSpace(request.Id) && !OrganizationId().IsMatch(request.Id))
        {
            errors.Add("id", "须为2至63位的小写字母、数字和“-”，以字母或数字开头（如 county-peoples-hospital）");
        }
        errors.Required("name", request.Name).MaxLength("name", request.Name, MaxNameLength);
        NoPersonalNumbers(errors, "name", request.Name);
        OneOf(errors, "sector", request.Sector, Sectors);
        return errors;
    }

    public static FieldErrors CheckDisclosure(PublishDisclosureRequest request)
    {
        var errors = new FieldErrors(PublishDisclosureRequest.Descriptor)
            .Required("organization_id", request.OrganizationId).MaxLength("organization_id", request.OrganizationId, MaxIdLength);
        OneOf(errors, "kind", request.Kind, Kinds);
        errors.Required("title", request.Title).MaxLength("title", request.Title, MaxTitleLength)
            .Required("body", request.Body).MaxLength("body", request.Body, MaxBodyLength);
        NoPersonalNumbers(errors, "title", request.Title);
        NoPersonalNumbers(errors, "body", request.Body);
        if (!string.IsNullOrEmpty(request.EffectiveDate) && ParseDate(request.EffectiveDate) is null)
        {
            errors.Add("effective_date", $"须为{DateFormat}格式的日期");
        }
        return errors;
    }

    /// <summary>The effective date asked for, or today in the hall's calendar when none was given.</summary>
    public static DateOnly EffectiveDate(PublishDisclosureRequest request, DateTime utcNow) =>
        ParseDate(request.EffectiveDate) ?? CountyClock.Today(utcNow);

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>
    /// Disclosures are public and indexed for search, where a personal number must never go: text carrying a resident
    /// ID or a mobile number is refused rather than masked, so what the publisher sees published is exactly what they
    /// wrote. Landline hotlines (0883-6310000) and short numbers (12345) are not personal numbers and pass. The number
    /// found is not repeated in the refusal.
    /// </summary>
    static void NoPersonalNumbers(FieldErrors errors, string field, string text)
    {
        if (PersonalNumbers.ContainsResidentId(text))
        {
            errors.Add(field, "含有居民身份证号码；公开的内容不能有个人证件号码");
        }
        if (PersonalNumbers.ContainsMobile(text))
        {
            errors.Add(field, "含有手机号码；公开的内容不能有个人号码（请改为公布单位的服务电话）");
        }
    }

    static void OneOf(FieldErrors errors, string field, string value, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"必填（{string.Join("、", allowed)}之一）");
        }
        else if (!allowed.Contains(value))
        {
            errors.Add(field, $"“{value}”不是{string.Join("、", allowed)}之一");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex OrganizationId();
}
