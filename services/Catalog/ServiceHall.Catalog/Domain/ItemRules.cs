using System.Text.RegularExpressions;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog;

/// <summary>What every saved guide must satisfy, and what a guide must also have before the public sees it.</summary>
public static partial class ItemRules
{
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxMaterials = 100;
    public const int MaxFees = 50;

    /// <summary>Checked on every save: shape, lengths and the consistency of the time limits and fees.</summary>
    public static FieldErrors CheckSave(ItemGuide? guide)
    {
        var errors = new FieldErrors();
        if (guide is null)
        {
            return errors.Add("guide", "is required");
        }
        errors.Required("guide.code", guide.Code).MaxLength("guide.code", guide.Code, MaxCodeLength);
        if (!string.IsNullOrWhiteSpace(guide.Code) && !CodeShape().IsMatch(guide.Code))
        {
            errors.Add("guide.code", "may hold only letters, digits and '-'");
        }
        errors.Required("guide.name", guide.Name).MaxLength("guide.name", guide.Name, MaxNameLength)
            .Required("guide.department", guide.Department).MaxLength("guide.department", guide.Department, MaxNameLength)
            .Required("guide.item_type", guide.ItemType).MaxLength("guide.item_type", guide.ItemType, 50)
            .MaxLength("guide.conditions", guide.Conditions, MaxTextLength)
            .MaxLength("guide.place", guide.Place, 500)
            .MaxLength("guide.contact_phone", guide.ContactPhone, 100)
            .MaxLength("guide.complaint_phone", guide.ComplaintPhone, 100);

        if (guide.StatutoryLimitDays < 0)
        {
            errors.Add("guide.statutory_limit_days", "must not be negative");
        }
        if (guide.PromisedLimitDays < 0)
        {
            errors.Add("guide.promised_limit_days", "must not be negative");
        }
        if (guide.StatutoryLimitDays > 0 && guide.PromisedLimitDays > guide.StatutoryLimitDays)
        {
            errors.Add("guide.promised_limit_days", $"({guide.PromisedLimitDays}) must not exceed the statutory limit ({guide.StatutoryLimitDays})");
        }

        if (guide.Materials.Count > MaxMaterials)
        {
            errors.Add("guide.materials", $"has more than {MaxMaterials} entries");
        }
        for (var i = 0; i < guide.Materials.Count; i++)
        {
            var m = guide.Materials[i];
            errors.Required($"guide.materials[{i}].name", m.Name).MaxLength($"guide.materials[{i}].name", m.Name, MaxNameLength);
            if (m.Copies < 0)
            {
                errors.Add($"guide.materials[{i}].copies", "must not be negative");
            }
        }

        if (guide.Fees.Count > MaxFees)
        {
            errors.Add("guide.fees", $"has more than {MaxFees} entries");
        }
        for (var i = 0; i < guide.Fees.Count; i++)
        {
            var f = guide.Fees[i];
            errors.Required($"guide.fees[{i}].name", f.Name)
                .Required($"guide.fees[{i}].standard", f.Standard)
                // A fee without a legal basis is a data error (domain.md §1).
                .Required($"guide.fees[{i}].basis", f.Basis)
                .MaxLength($"guide.fees[{i}].basis", f.Basis, 500);
        }
        return errors;
    }

    /// <summary>Checked before publishing: what a reader of the guide cannot do without.</summary>
    public static FieldErrors CheckPublish(ItemGuide guide)
    {
        var errors = CheckSave(guide);
        errors.Required("guide.conditions", guide.Conditions)
            .Required("guide.place", guide.Place)
            .Required("guide.contact_phone", guide.ContactPhone)
            .Required("guide.complaint_phone", guide.ComplaintPhone);
        if (guide.PromisedLimitDays == 0 && guide.StatutoryLimitDays == 0)
        {
            errors.Add("guide.promised_limit_days", "a published item states its time limit");
        }
        if (guide.Materials.Count == 0)
        {
            errors.Add("guide.materials", "a published item lists at least one material");
        }
        return errors;
    }

    [GeneratedRegex("^[0-9A-Za-z-]+$")]
    private static partial Regex CodeShape();
}
