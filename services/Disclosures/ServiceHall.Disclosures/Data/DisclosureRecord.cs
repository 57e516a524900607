using Google.Protobuf.WellKnownTypes;
using ServiceHall.Disclosures.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Disclosures.Data;

/// <summary>
/// One disclosure (办事公开事项) of one organisation. The organisation's name and sector are read from the
/// organisation itself, so a renamed unit shows its current name on everything it published.
/// </summary>
public sealed class DisclosureRecord
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required DisclosureKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateOnly EffectiveDate { get; set; }
    public long Version { get; set; }
    public DateTime PublishedAt { get; set; }

    public static DisclosureRecord Publish(OrganizationRecord organization, PublishDisclosureRequest request, DateTime utcNow) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        OrganizationId = organization.Id,
        Kind = request.Kind,
        Title = request.Title.Trim(),
        Body = request.Body,
        EffectiveDate = DisclosureRules.EffectiveDate(request, utcNow),
        Version = 1,
        PublishedAt = ServiceDatabase.ToStoredPrecision(utcNow),
    };

    public Disclosure ToMessage(OrganizationRecord organization) => new()
    {
        Id = Id,
        OrganizationId = OrganizationId,
        OrganizationName = organization.Name,
        Sector = organization.Sector,
        Kind = Kind,
        Title = Title,
        Body = Body,
        EffectiveDate = DisclosureRules.Format(EffectiveDate),
        PublishedAt = Timestamp.FromDateTime(PublishedAt),
        Version = Version,
    };

    public DisclosurePublished ToEvent(OrganizationRecord organization) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        DisclosureId = Id,
        Version = Version,
        OrganizationId = OrganizationId,
        OrganizationName = organization.Name,
        Sector = organization.Sector,
        Kind = Kind,
        Title = Title,
        Body = Body,
    };
}
