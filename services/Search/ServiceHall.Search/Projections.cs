using ServiceHall.Catalog.V1;
using ServiceHall.Credit.V1;
using ServiceHall.Disclosures.V1;
using ServiceHall.Search.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Search;

/// <summary>
/// What each integration event makes public in the index. Only what the sources already publish goes in;
/// events carry no ID-card or phone numbers, and none are added here.
/// </summary>
public static class Projections
{
    public static readonly string ItemType = IndexWords.Of(DocumentType.Item);
    public static readonly string EntityType = IndexWords.Of(DocumentType.Entity);
    public static readonly string LicenceType = IndexWords.Of(DocumentType.Licence);
    public static readonly string DisclosureType = IndexWords.Of(DocumentType.Disclosure);
    public static readonly string QuestionType = IndexWords.Of(DocumentType.Qa);

    public static FieldErrors Check(ItemChanged e) => CheckKeyAndVersion("item_id", e.ItemId, e.Version);

    public static FieldErrors Check(EntityChanged e)
    {
        var errors = CheckKeyAndVersion("code", e.Code, e.Version);
        for (var i = 0; i < e.Records.Count; i++)
        {
            errors.Required($"records[{i}].id", e.Records[i].Id);
            if (!Enum.IsDefined(e.Records[i].Kind))
            {
                // A kind from a newer credit service: refused (400, dropped) rather than indexed as something it is not.
                errors.Add($"records[{i}].kind", $"({(int)e.Records[i].Kind}) is not a record kind search knows");
            }
        }
        return errors;
    }

    public static FieldErrors Check(PersonLicencePublished e)
    {
        var errors = CheckKeyAndVersion("licence_id", e.LicenceId, e.Version).Required("holder_name", e.HolderName);
        if (e.Record is null || e.Record.Kind != RecordKind.Licence)
        {
            errors.Add("record", "must be the licence's public record (kind RECORD_KIND_LICENCE)");
        }
        return errors;
    }

    public static FieldErrors Check(QuestionPublished e) =>
        CheckKeyAndVersion("question_id", e.QuestionId, e.Version).Required("item_id", e.ItemId).Required("question", e.Question);

    public static FieldErrors Check(DisclosurePublished e) =>
        CheckKeyAndVersion("disclosure_id", e.DisclosureId, e.Version).Required("organization_id", e.OrganizationId);

    /// <summary>A published or suspended item is public (a suspended guide stays readable); a cancelled one is withdrawn.</summary>
    public static IndexChange From(ItemChanged e)
    {
        var key = Key(ItemType, e.ItemId);
        if (e.Status is not (ItemStatus.Published or ItemStatus.Suspended))
        {
            return new IndexChange(key, e.Version, []);
        }
        var body = Join(e.DepartmentName, e.ItemType, e.Code, string.Join("、", e.PersonThemes.Concat(e.LegalPersonThemes)), e.Conditions,
            string.Join("、", e.MaterialNames), string.Join("\n", e.FaqQuestions), string.Join("、", e.Laws));
        return new IndexChange(key, e.Version,
            [new PublicDocument(ItemType, e.ItemId, e.Name, body, $"/api/catalog/items/{Uri.EscapeDataString(e.ItemId)}")
            {
                Department = e.DepartmentName,
                Themes = [.. e.PersonThemes, .. e.LegalPersonThemes],
                OnlineDepth = IndexWords.Of(e.OnlineDepth),
                StableKey = e.Code,
            }]);
    }

    /// <summary>
    /// The entity and every record in publicity, replaced as one set: a record no longer sent is no longer public.
    /// The entity's own document holds none of its records' words: a record is hidden on the day its publicity ends
    /// (<see cref="PublicDocument.PublicUntil"/>), and its words must leave with it.
    /// </summary>
    public static IndexChange From(EntityChanged e)
    {
        var url = $"/api/credit/entities/{Uri.EscapeDataString(e.Code)}";
        var documents = new List<PublicDocument>
        {
            new(EntityType, e.Code, e.Name, Join(e.Name, e.Code, e.EntityCategory, e.Address), url) { StableKey = e.Code },
        };
        // A record is found by its own words and by the entity's name; its type is its kind (行政处罚 = penalty, 行政许可 = licence).
        documents.AddRange(e.Records.Select(r =>
            new PublicDocument(IndexWords.Of(TypeOf(r.Kind)), r.Id, r.Title, Join(r.Summary, e.Name), url)
            {
                StableKey = e.Code,
                PublicUntil = r.PublicUntil,
            }));
        return new IndexChange(Key(EntityType, e.Code), e.Version, documents);
    }

    /// <summary>
    /// A natural person's licence, found by its own words and the holder's masked name; it leads to credit's licence
    /// lookup, as no entity lists it.
    /// </summary>
    public static IndexChange From(PersonLicencePublished e) =>
        new(Key(LicenceType, e.LicenceId), e.Version,
            [new PublicDocument(LicenceType, e.LicenceId, e.Record.Title, Join(e.Record.Summary, e.HolderName),
                $"/api/credit/licences/{Uri.EscapeDataString(e.LicenceId)}")]);

    public static IndexChange From(DisclosurePublished e) =>
        new(Key(DisclosureType, e.DisclosureId), e.Version,
            [new PublicDocument(DisclosureType, e.DisclosureId, e.Title, Join(e.OrganizationName, e.Body),
                $"/api/disclosures/organizations/{Uri.EscapeDataString(e.OrganizationId)}/disclosures")
            {
                Sector = IndexWords.Of(e.Sector),
                IsNotice = e.Kind == DisclosureKind.Notice,
            }]);

    /// <summary>Public Q&amp;A of an item, found by its question and answer and by the item's name.</summary>
    public static IndexChange From(QuestionPublished e) =>
        new(Key(QuestionType, e.QuestionId), e.Version,
            [new PublicDocument(QuestionType, e.QuestionId, e.Question, Join(e.Answer, e.ItemName, e.DepartmentName),
                $"/api/catalog/items/{Uri.EscapeDataString(e.ItemId)}/questions") { Department = e.DepartmentName }]);

    /// <summary>A record without a kind was sent before kinds existed, when penalties were the only records, so it is one.</summary>
    static DocumentType TypeOf(RecordKind kind) => kind switch
    {
        RecordKind.Penalty or RecordKind.Unspecified => DocumentType.Penalty,
        RecordKind.Licence => DocumentType.Licence,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Check refuses record kinds search does not know"),
    };

    static string Key(string type, string id) => $"{type}:{id}";

    static string Join(params IEnumerable<string> parts) =>
        string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()));

    static FieldErrors CheckKeyAndVersion(string keyField, string key, long version)
    {
        var errors = new FieldErrors(null).Required(keyField, key).MaxLength(keyField, key, 200);
        if (version <= 0)
        {
            // Without a version an old event could overwrite a newer state; such an event is a publisher's bug.
            errors.Add("version", "must be positive");
        }
        return errors;
    }
}
