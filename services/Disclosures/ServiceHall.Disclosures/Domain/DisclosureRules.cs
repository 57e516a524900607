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

    public static FieldErrors CheckOrganization(RegisterOrganizationRequest request)
    {
        var errors = new FieldErrors(RegisterOrganizationRequest.Descriptor).Required("id", request.Id);
        if (!string.IsNullOrWhiteSpace(request.Id) && !OrganizationId().IsMatch(request.Id))
        {
            errors.Add("id", "须为2至63位的小写字母、数字和“-”，以字母或数字开头（如 county-peoples-hospital）");
        }
        errors.Required("name", request.Name).MaxLength("name", request.Name, MaxNameLength);
        NoPersonalNumbers(errors, "name", request.Name);
        OneOf(errors, "sector", request.Sector);
        return errors;
    }

    public static FieldErrors CheckDisclosure(PublishDisclosureRequest request)
    {
        var errors = new FieldErrors(PublishDisclosureRequest.Descriptor)
            .Required("organization_id", request.OrganizationId).MaxLength("organization_id", request.OrganizationId, MaxIdLength);
        OneOf(errors, "kind", request.Kind);
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

    /// <summary>The sectors and kinds are the contract's enums (docs/domain.md §9); a client may still send no value or an unknown number.</summary>
    static void OneOf<TEnum>(FieldErrors errors, string field, TEnum value) where TEnum : struct, Enum
    {
        var allowed = string.Join("、", Enum.GetValues<TEnum>().Skip(1).Select(EnumWords.ProtoName));
        if (Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0)
        {
            errors.Add(field, $"必填（{allowed}之一）");
        }
        else if (!Enum.IsDefined(value))
        {
            errors.Add(field, $"“{Convert.ToInt32(value, CultureInfo.InvariantCulture)}”不是{allowed}之一");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex OrganizationId();
}
