using ServiceHall.Disclosures.V1;

namespace ServiceHall.Disclosures.Data;

/// <summary>A public-service unit (a hospital, a school, a utility) that publishes disclosures.</summary>
public sealed class OrganizationRecord
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required Sector Sector { get; set; }
    public DateTime RegisteredAt { get; init; }

    public static OrganizationRecord Create(RegisterOrganizationRequest request) => new()
    {
        Id = request.Id,
        Name = request.Name.Trim(),
        Sector = request.Sector,
        RegisteredAt = DateTime.UtcNow,
    };

    public Organization ToMessage() => new() { Id = Id, Name = Name, Sector = Sector };
}
