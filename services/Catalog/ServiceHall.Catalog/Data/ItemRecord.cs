using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog.Data;

/// <summary>
/// One service item: the officer's draft and the public version, each kept whole as the contract's JSON so the
/// stored guide and the served guide cannot drift apart. The columns lists filter on are copied from the public
/// version (or from the draft while the item was never published).
/// </summary>
public sealed class ItemRecord
{
    public required string Id { get; init; }
    public required string Code { get; set; }
    public required ItemStatus Status { get; set; }
    /// <summary>Grows with every write; the concurrency token and the version integration events carry.</summary>
    public long Version { get; set; }
    /// <summary>The public version number (1, 2, …); 0 while never published.</summary>
    public int GuideVersion { get; set; }
    public required string DraftJson { get; set; }
    public string? PublicJson { get; set; }
    public string? StatusReason { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    public string Name { get; set; } = "";
    public string DepartmentCode { get; set; } = "";
    public string ItemType { get; set; } = "";
    public string HandlingKind { get; set; } = "";
    public bool ForPersons { get; set; }
    public bool ForLegalPersons { get; set; }
    public OnlineDepth OnlineDepth { get; set; }
    public int SiteVisits { get; set; }
    public int PromisedDays { get; set; }
    public string PromisedUnit { get; set; } = "";
    public List<ItemThemeRecord> Themes { get; set; } = [];

    public ItemGuide DraftGuide => ItemGuide.Parser.ParseJson(DraftJson);
    public ItemGuide? PublicGuide => PublicJson is null ? null : ItemGuide.Parser.ParseJson(PublicJson);
    public bool IsPublic => Status is ItemStatus.Published or ItemStatus.Suspended;

    public static ItemRecord Create(ItemGuide guide, DateTime now)
    {
        var item = new ItemRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            Code = guide.Code,
            Status = ItemStatus.Draft,
            Version = 1,
            DraftJson = Json(guide),
            UpdatedAt = now,
        };
        item.List(guide);
        return item;
    }

    public void SaveDraft(ItemGuide guide, DateTime now)
    {
        DraftJson = Json(guide);
        Code = guide.Code;
        if (GuideVersion == 0)
        {
            List(guide);
        }
        Touch(now);
    }

    /// <summary>The draft becomes public version N+1; returns what changed against version N.</summary>
    public List<string> Publish(DateTime now)
    {
        var draft = DraftGuide;
        var changes = PublicGuide is { } previous ? GuideChanges.Between(previous, draft) : [];
        PublicJson = DraftJson;
        GuideVersion++;
        if (Status == ItemStatus.Draft)
        {
            Status = ItemStatus.Published;
        }
        PublishedAt = now;
        List(draft);
        Touch(now);
        return changes;
    }

    public void ChangeStatus(ItemStatus status, string? reason, DateTime now)
    {
        Status = status;
        StatusReason = reason;
        Touch(now);
    }

    /// <summary>Compared as guides, not as text: a guide stored before the enums has its online depth as a number.</summary>
    public bool DraftAhead => !Equals(DraftGuide, PublicGuide);

    void Touch(DateTime now)
    {
        Version++;
        UpdatedAt = now;
    }

    /// <summary>Copies the listing columns and themes from the guide the public sees.</summary>
    void List(ItemGuide guide)
    {
        Name = guide.Name;
        DepartmentCode = guide.DepartmentCode;
        ItemType = guide.ItemType;
        HandlingKind = guide.HandlingKind;
        ForPersons = guide.Audiences.Contains(GuideVocabulary.Person);
        ForLegalPersons = guide.Audiences.Contains(GuideVocabulary.LegalPerson);
        OnlineDepth = guide.OnlineDepth;
        SiteVisits = guide.SiteVisits;
        PromisedDays = guide.PromisedLimit?.Value ?? 0;
        PromisedUnit = guide.PromisedLimit?.Unit ?? "";
        Themes.Clear();
        Themes.AddRange(guide.PersonThemes.Distinct().Select(t => new ItemThemeRecord { ItemId = Id, Kind = ItemThemeRecord.PersonKind, Theme = t }));
        Themes.AddRange(guide.LegalPersonThemes.Distinct().Select(t => new ItemThemeRecord { ItemId = Id, Kind = ItemThemeRecord.LegalPersonKind, Theme = t }));
    }

    public ServiceItem ToPublicMessage(Department? department) => ToMessage(PublicGuide!, department, draftView: false);

    public ServiceItem ToDraftMessage(Department? department) => ToMessage(DraftGuide, department, draftView: true);

    ServiceItem ToMessage(ItemGuide guide, Department? department, bool draftView) => new()
    {
        Id = Id,
        Guide = guide,
        Status = Status,
        GuideVersion = GuideVersion,
        Version = Version,
        Department = department,
        UpdatedAt = Timestamp.FromDateTime(UpdatedAt),
        PublishedAt = PublishedAt is { } p ? Timestamp.FromDateTime(p) : null,
        DraftAhead = draftView && DraftAhead,
        StatusReason = StatusReason ?? "",
    };

    public ItemSummary ToSummary(Department? department) => new()
    {
        Id = Id,
        Code = Code,
        Name = Name,
        ItemType = ItemType,
        DepartmentCode = DepartmentCode,
        DepartmentName = department?.Name ?? "",
        Status = Status,
        OnlineDepth = OnlineDepth,
        SiteVisits = SiteVisits,
        PromisedDays = PromisedDays,
        PromisedUnit = PromisedUnit,
        HandlingKind = HandlingKind,
    };

    /// <summary>The public state for search: a cancelled item (or one never published) carries no guide words.</summary>
    public ItemChanged ToEvent(Department? department)
    {
        var changed = new ItemChanged
        {
            EventId = Guid.NewGuid().ToString(),
            ItemId = Id,
            Version = Version,
            Status = Status,
            GuideVersion = GuideVersion,
        };
        if (!IsPublic || PublicGuide is not { } guide)
        {
            return changed;
        }
        changed.Code = Code;
        changed.Name = guide.Name;
        changed.DepartmentCode = guide.DepartmentCode;
        changed.DepartmentName = department?.Name ?? "";
        changed.DepartmentKind = department?.Kind ?? "";
        changed.ItemType = guide.ItemType;
        changed.Conditions = guide.Conditions;
        changed.OnlineDepth = guide.OnlineDepth;
        changed.Audiences.AddRange(guide.Audiences);
        changed.PersonThemes.AddRange(guide.PersonThemes);
        changed.LegalPersonThemes.AddRange(guide.LegalPersonThemes);
        changed.MaterialNames.AddRange(guide.Materials.Select(m => m.Name));
        changed.FaqQuestions.AddRange(guide.Faqs.Select(f => f.Question));
        changed.Laws.AddRange(guide.LegalBasis.Select(b => b.Law).Distinct());
        return changed;
    }

    static string Json(ItemGuide guide) => JsonFormatter.Default.Format(guide);
}
