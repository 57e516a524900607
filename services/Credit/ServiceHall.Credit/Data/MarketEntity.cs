using Google.Protobuf.WellKnownTypes;
using ServiceHall.Credit.V1;

namespace ServiceHall.Credit.Data;

/// <summary>A market entity (市场主体) as the credit service knows it: registration facts, its penalty and licence records.</summary>
public sealed partial class MarketEntity
{
    public required string Code { get; init; }
    public required string EntityCategory { get; set; }
    public required string LegalRepresentative { get; set; }
    public required string Address { get; set; }
    public DateTime RegisteredAt { get; init; }

    /// <summary>Raised by every change; events carry it so consumers can ignore stale ones.</summary>
    public long Version { get; set; }

    /// <summary>
    /// The day whose public view the last event announced. A penalty public then but not today has left public
    /// view since, and the publicity sweep announces the entity again (<see cref="PublicitySweep"/>).
    /// </summary>
    public DateOnly AnnouncedOn { get; set; }

    public List<PenaltyRecord> Penalties { get; init; } = [];
    public List<LicenceRecord> Licences { get; init; } = [];

    /// <param name="code">Already normalized and validated.</param>
    public static MarketEntity Register(string code, RegisterEntityRequest request, DateTime now) => new()
    {
        Code = code,
        Name = request.Name.Trim(),
        EntityCategory = request.EntityCategory.Trim(),
        LegalRepresentative = request.LegalRepresentative.Trim(),
        Address = request.Address.Trim(),
        RegisteredAt = now,
        Version = 1,
        RegistrationNumber = NullIfEmpty(LegacyCodes.Normalize(request.RegistrationNumber)),
        OrganisationCode = NullIfEmpty(LegacyCodes.Normalize(request.OrganisationCode)) ?? LegacyCodes.OrganisationCodeOf(code),
        Status = request.Status == EntityStatus.Unspecified ? EntityStatus.Operating : request.Status,
    };

    /// <summary>An entity whose last announcement showed a penalty that is out of publicity on <paramref name="today"/>.</summary>
    public static System.Linq.Expressions.Expression<Func<MarketEntity, bool>> PublicityEndedSinceAnnounced(DateOnly today) =>
        e => e.Penalties.Any(p => p.PublicityUntil >= e.AnnouncedOn && p.PublicityUntil < today && p.WithdrawnAt == null);

    public void AddPenalty(PenaltyRecord penalty)
    {
        Penalties.Add(penalty);
        Version++;
    }

    public void AddLicence(LicenceRecord licence)
    {
        Licences.Add(licence);
        Version++;
    }

    /// <summary>Licences have no publicity end (<see cref="LicenceRecord"/>): all of them, newest decision first.</summary>
    public IEnumerable<LicenceRecord> LicencesShown() =>
        Licences.OrderByDescending(l => l.DecisionDate).ThenByDescending(l => l.RecordedAt);

    /// <summary>What the public may see on <paramref name="today"/>: penalties still in publicity, newest decision first.</summary>
    public IEnumerable<PenaltyRecord> PenaltiesInPublicity(DateOnly today) =>
        Penalties.Where(p => p.InPublicityOn(today)).OrderByDescending(p => p.DecisionDate).ThenByDescending(p => p.RecordedAt);

    /// <summary>The public view, personal numbers masked (<see cref="PublicText"/>).</summary>
    public V1.MarketEntity ToMessage(DateOnly today)
    {
        var message = new V1.MarketEntity
        {
            Code = Code,
            Name = PublicText.Masked(Name),
            EntityCategory = PublicText.Masked(EntityCategory),
            LegalRepresentative = PublicText.Masked(LegalRepresentative),
            Address = PublicText.Masked(Address),
            RegisteredAt = Timestamp.FromDateTime(RegisteredAt),
            Version = Version,
            RegistrationNumber = RegistrationNumber ?? "",
            OrganisationCode = OrganisationCode ?? "",
            Status = Status,
        };
        message.Penalties.AddRange(PenaltiesInPublicity(today).Select(p => p.ToMessage()));
        message.Licences.AddRange(LicencesShown().Select(l => l.ToMessage()));
        return message;
    }

    /// <summary>What search and other subscribers receive: the public view, masked like <see cref="ToMessage"/>.</summary>
    public EntityChanged ToEvent(DateOnly today)
    {
        AnnouncedOn = today;
        var changed = new EntityChanged
        {
            EventId = Guid.NewGuid().ToString(),
            Code = Code,
            Version = Version,
            Name = PublicText.Masked(Name),
            EntityCategory = PublicText.Masked(EntityCategory),
            Address = PublicText.Masked(Address),
        };
        changed.Records.AddRange(PenaltiesInPublicity(today).Select(p => p.ToPublicRecord()));
        changed.Records.AddRange(LicencesShown().Select(l => l.ToPublicRecord()));
        return changed;
    }
}
