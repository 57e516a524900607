using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Credit.V1;

namespace ServiceHall.Credit.Data;

/// <summary>The entity's columns the lookup reads (<see cref="CreditLookupService"/>), each indexed for its match.</summary>
static class LookupColumns
{
    public static void Configure(EntityTypeBuilder<MarketEntity> e, bool postgres)
    {
        e.Property(m => m.Name).HasField("name");
        e.Property(m => m.NamePinyin).HasMaxLength(MarketEntity.MaxPinyinLength);
        e.Property(m => m.NameInitials).HasMaxLength(CreditRules.MaxNameLength);
        e.Property(m => m.RegistrationNumber).HasMaxLength(LegacyCodes.RegistrationNumberLength);
        e.Property(m => m.OrganisationCode).HasMaxLength(LegacyCodes.OrganisationCodeLength);
        e.Property(m => m.Status).HasDefaultValue(EntityStatus.Operating).HasSentinel(EntityStatus.Unspecified);
        e.HasIndex(m => m.RegistrationNumber);
        e.HasIndex(m => m.OrganisationCode);
        var name = e.HasIndex(m => m.Name);
        var pinyin = e.HasIndex(m => m.NamePinyin);
        var initials = e.HasIndex(m => m.NameInitials);
        if (postgres)
        {
            // PostgreSQL uses a b-tree for LIKE 'prefix%' only with the pattern operators (the database's collation
            // is not C); SQLite's LIKE ignores ASCII case and scans, which its benchmark figures show.
            name.HasOperators("text_pattern_ops");
            pinyin.HasOperators("text_pattern_ops");
            initials.HasOperators("text_pattern_ops");
        }
    }
}
