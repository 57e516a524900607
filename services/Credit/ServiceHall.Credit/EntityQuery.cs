using System.Linq.Expressions;
using ServiceHall.ServiceDefaults;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using MarketEntity = ServiceHall.Credit.Data.MarketEntity;

namespace ServiceHall.Credit;

/// <summary>
/// What one lookup box's text asks for (docs/domain.md §7): a unified social credit code, a 工商注册号 or a
/// 组织机构代码 when it is a valid one (blanks and hyphens ignored, any case); otherwise letters alone are pinyin
/// or initials, and anything else is a name or part of one, every blank-separated word of which must appear.
/// </summary>
public sealed class EntityQuery
{
    public const int MaxLength = 100;
    /// <summary>Shorter pinyin is matched from the start only: "an" is inside too many syllables to mean anything.</summary>
    const int MinPinyinInside = 3;

    EntityQuery(EntityMatch code, string text, IReadOnlyList<string> words, string? pinyin)
    {
        Code = code;
        Text = text;
        Words = words;
        Pinyin = pinyin;
    }

    /// <summary>Which code the text is, or unspecified when it is a name, pinyin or initials.</summary>
    public EntityMatch Code { get; }

    /// <summary>The code normalized, or the text trimmed.</summary>
    public string Text { get; }

    /// <summary>The name's words, for a name query; empty for a code or pinyin.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Lower-case pinyin or initials typed in letters; for a name of Han characters, its own pinyin (同音字).</summary>
    public string? Pinyin { get; }

    public bool IsPinyin => Code == EntityMatch.Unspecified && Words.Count == 0;

    /// <summary>Refuses an empty or over-long text, and personal numbers, which no entity is looked up by.</summary>
    public static EntityQuery Parse(string? input)
    {
        var text = (input ?? "").Trim();
        var errors = new FieldErrors(FindEntitiesRequest.Descriptor).Required("q", text).MaxLength("q", text, MaxLength);
        if (PersonalNumbers.Found(text))
        {
            errors.Add("q", "不能按身份证号码或手机号码查询；请输入主体名称、统一社会信用代码、工商注册号或组织机构代码");
        }
        errors.ThrowIfAny();

        var code = LegacyCodes.Normalize(text);
        if (CreditCode.IsValid(code))
        {
            return new(EntityMatch.CreditCode, code, [], null);
        }
        if (LegacyCodes.IsRegistrationNumber(code))
        {
            return new(EntityMatch.RegistrationNumber, code, [], null);
        }
        if (code.Length == LegacyCodes.OrganisationCodeLength && LegacyCodes.IsOrganisationCode(code))
        {
            return new(EntityMatch.OrganisationCode, code, [], null);
        }
        if (text.All(c => char.IsAsciiLetter(c) || c == ' ' || c == '\''))
        {
            // xian renmin yiyuan, xi'an: the separators people type between syllables are not in the stored pinyin.
            return new(EntityMatch.Unspecified, text, [], new string(text.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray()));
        }
        var words = text.Split(' ', '\u3000', '\t').Where(w => w.Length > 0).ToList();
        var sound = words.All(w => w.All(PinyinTable.IsHan)) ? MarketEntity.NamePinyinOf(string.Concat(words)) : null;
        return new(EntityMatch.Unspecified, text, words, sound is { Length: > 0 } ? sound : null);
    }

    /// <summary>The entities the text matches, as one database condition.</summary>
    public Expression<Func<MarketEntity, bool>> Matches()
    {
        var text = Text;
        var pinyin = Pinyin ?? "";
        switch (Code)
        {
            case EntityMatch.CreditCode:
                return e => e.Code == text;
            case EntityMatch.RegistrationNumber:
                return e => e.RegistrationNumber == text;
            case EntityMatch.OrganisationCode:
                return e => e.OrganisationCode == text;
        }
        if (IsPinyin)
        {
            return pinyin.Length >= MinPinyinInside
                ? e => e.NameInitials.StartsWith(pinyin) || e.NamePinyin.Contains(pinyin) || e.Name.Contains(text)
                : e => e.NameInitials.StartsWith(pinyin) || e.NamePinyin.StartsWith(pinyin) || e.Name.Contains(text);
        }
        Expression<Func<MarketEntity, bool>> all = e => true;
        foreach (var word in Words)
        {
            all = And(all, e => e.Name.Contains(word));
        }
        return Pinyin is { } sound ? Or(all, e => e.NamePinyin.Contains(sound)) : all;
    }

    /// <summary>Best first, as a number the database sorts by: the match's kind (the order of <see cref="EntityMatch"/>).</summary>
    public Expression<Func<MarketEntity, int>> Rank()
    {
        var text = Text;
        var first = Words.Count > 0 ? Words[0] : text;
        var pinyin = Pinyin ?? "";
        if (Code != EntityMatch.Unspecified)
        {
            return e => 0;
        }
        if (IsPinyin)
        {
            return e => e.NameInitials == pinyin || e.NamePinyin.StartsWith(pinyin) ? 0 : e.NameInitials.StartsWith(pinyin) ? 1 : e.Name.Contains(text) ? 2 : 3;
        }
        return e => e.Name.StartsWith(first) ? 0 : e.Name.Contains(text) ? 1 : 2;
    }

    /// <summary>What a found entity was matched by, for the answer; decided as <see cref="Rank"/> decides.</summary>
    public EntityMatch MatchOf(MarketEntity entity)
    {
        if (Code != EntityMatch.Unspecified)
        {
            return Code;
        }
        if (IsPinyin)
        {
            var pinyin = Pinyin ?? "";
            return entity.NamePinyin.StartsWith(pinyin, StringComparison.Ordinal) ? EntityMatch.Pinyin
                : entity.NameInitials.StartsWith(pinyin, StringComparison.Ordinal) ? EntityMatch.Initials
                : entity.NamePinyin.Contains(pinyin, StringComparison.Ordinal) ? EntityMatch.Pinyin
                : EntityMatch.NameText;
        }
        if (entity.Name.StartsWith(Words[0], StringComparison.Ordinal))
        {
            return EntityMatch.NamePrefix;
        }
        return Words.All(w => entity.Name.Contains(w, StringComparison.Ordinal)) ? EntityMatch.NameText : EntityMatch.Pinyin;
    }

    static Expression<Func<MarketEntity, bool>> And(Expression<Func<MarketEntity, bool>> left, Expression<Func<MarketEntity, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    static Expression<Func<MarketEntity, bool>> Or(Expression<Func<MarketEntity, bool>> left, Expression<Func<MarketEntity, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    static Expression<Func<MarketEntity, bool>> Combine(Expression<Func<MarketEntity, bool>> left, Expression<Func<MarketEntity, bool>> right,
        Func<Expression, Expression, BinaryExpression> join)
    {
        var entity = left.Parameters[0];
        var body = new Rebind(right.Parameters[0], entity).Visit(right.Body);
        return Expression.Lambda<Func<MarketEntity, bool>>(join(left.Body, body), entity);
    }

    sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
