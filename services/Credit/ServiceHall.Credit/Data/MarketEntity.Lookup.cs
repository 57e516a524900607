using ServiceHall.Credit.V1;

namespace ServiceHall.Credit.Data;

/// <summary>
/// What the lookup finds an entity by (<see cref="CreditLookupService"/>): the older codes, and the name's pinyin
/// and initials, kept beside the name whenever it is set so the query is an indexed prefix match.
/// </summary>
public sealed partial class MarketEntity
{
    public const int MaxPinyinLength = CreditRules.MaxNameLength * 6;

    string name = "";

    public required string Name
    {
        get => name;
        set
        {
            // Set by code only: the database fills the backing field when it reads the entity back. From the masked
            // name, so no personal number in a name (个体工商户) can be found by its digits.
            name = value;
            NamePinyin = NamePinyinOf(PublicText.Masked(value));
            NameInitials = NameInitialsOf(PublicText.Masked(value));
        }
    }

    /// <summary>The name's syllables joined, lower case ("xianrenminyiyuan"); a character without a reading is left out.</summary>
    public string NamePinyin { get; private set; } = "";

    /// <summary>The first letter of every syllable ("xrmyy").</summary>
    public string NameInitials { get; private set; } = "";

    /// <summary>工商注册号, 15 digits; null when not known.</summary>
    public string? RegistrationNumber { get; set; }

    /// <summary>组织机构代码, 9 characters, the credit code's positions 9–17 unless registered otherwise.</summary>
    public string? OrganisationCode { get; set; }

    public EntityStatus Status { get; set; } = EntityStatus.Operating;

    public static string NamePinyinOf(string name) => string.Concat(Syllables(name, initials: false));

    public static string NameInitialsOf(string name) => string.Concat(Syllables(name, initials: true));

    /// <summary>
    /// One syllable (or its first letter) per Han character, and runs of ASCII letters and digits kept whole, lower
    /// case. Character by character, so one rare character does not cost the whole name its pinyin.
    /// </summary>
    static IEnumerable<string> Syllables(string name, bool initials)
    {
        var ascii = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                ascii.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (ascii.Length > 0)
            {
                yield return ascii.ToString();
                ascii.Clear();
            }
            if (PinyinTable.IsHan(c) && PinyinTable.Default.Full(c.ToString()) is { } syllable)
            {
                yield return initials ? syllable[..1] : syllable;
            }
        }
        if (ascii.Length > 0)
        {
            yield return ascii.ToString();
        }
    }

    public EntityHit ToHit(EntityMatch matchedBy) => new()
    {
        Code = Code,
        Name = PublicText.Masked(Name),
        EntityCategory = PublicText.Masked(EntityCategory),
        LegalRepresentative = PublicText.Masked(LegalRepresentative),
        Status = Status,
        RegistrationNumber = RegistrationNumber ?? "",
        OrganisationCode = OrganisationCode ?? "",
        MatchedBy = matchedBy,
    };

    static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
