namespace ServiceHall.Messaging;

/// <summary>The hall's integration event topics, named once for publishers and subscribers alike.</summary>
public static class Topics
{
    public const string CatalogItemChanged = "catalog.item.changed";
    public const string CatalogQuestionPublished = "catalog.question.published";
    public const string CreditEntityChanged = "credit.entity.changed";
    public const string CreditPersonLicencePublished = "credit.person_licence.published";
    public const string DisclosurePublished = "disclosures.disclosure.published";
    public const string ApplicationsCaseChanged = "applications.case.changed";
    public const string ApplicationsCaseWarned = "applications.case.warned";
    public const string ApplicationsCaseRated = "applications.case.rated";
}
