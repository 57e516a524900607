using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog.Data;

/// <summary>
/// One service item. The columns the catalog filters and sorts on are their own; the rest of the guide is
/// kept whole as the contract's JSON, so the stored guide and the published guide cannot drift apart.
/// </summary>
public sealed class ItemRecord
{
    public required string Id { get; init; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Department { get; set; }
    public required string Status { get; set; }
    public long Version { get; set; }
    public required string GuideJson { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    public const string Draft = "draft";
    public const string Published = "published";

    public ItemGuide Guide => ItemGuide.Parser.ParseJson(GuideJson);

    public static ItemRecord Create(ItemGuide guide) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Code = guide.Code,
        Name = guide.Name,
        Department = guide.Department,
        Status = Draft,
        Version = 1,
        GuideJson = JsonFormatter.Default.Format(guide),
        UpdatedAt = DateTime.UtcNow,
    };

    public void Update(ItemGuide guide)
    {
        Code = guide.Code;
        Name = guide.Name;
        Department = guide.Department;
        GuideJson = JsonFormatter.Default.Format(guide);
        Version++;
        UpdatedAt = DateTime.UtcNow;
    }

    public void Publish()
    {
        Status = Published;
        Version++;
        UpdatedAt = DateTime.UtcNow;
        PublishedAt = UpdatedAt;
    }

    public ServiceItem ToMessage() => new()
    {
        Id = Id,
        Guide = Guide,
        Status = Status,
        Version = Version,
        UpdatedAt = Timestamp.FromDateTime(UpdatedAt),
        PublishedAt = PublishedAt is { } p ? Timestamp.FromDateTime(p) : null,
    };

    public ItemChanged ToEvent()
    {
        var guide = Guide;
        var changed = new ItemChanged
        {
            EventId = Guid.NewGuid().ToString(),
            ItemId = Id,
            Version = Version,
            Status = Status,
            Code = Code,
            Name = Name,
            Department = Department,
            ItemType = guide.ItemType,
            Conditions = guide.Conditions,
        };
        changed.MaterialNames.AddRange(guide.Materials.Select(m => m.Name));
        return changed;
    }
}
