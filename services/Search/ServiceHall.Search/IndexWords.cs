using ServiceHall.ServiceDefaults;
using System.Globalization;
using ServiceHall.Catalog.V1;
using ServiceHall.Disclosures.V1;
using ServiceHall.Search.V1;

namespace ServiceHall.Search;

/// <summary>
/// The index keeps the words it always kept (type item, sector social-insurance, online depth 4), so an index built
/// before the contracts had enums stays valid; requests, answers and events carry the enums. Converted here, by name
/// (<see cref="EnumWords"/>), never by a table of words.
/// </summary>
public static class IndexWords
{
    public static string Of(DocumentType type) => EnumWords.Of(type);

    public static string Of(Sector sector) => EnumWords.Of(sector, '-');

    public static string Of(OnlineDepth depth) => depth == OnlineDepth.Unspecified ? "" : ((int)depth).ToString(CultureInfo.InvariantCulture);

    public static DocumentType Type(string word) => EnumWords.TryParse<DocumentType>(word, '_', out var type) ? type : DocumentType.Unspecified;

    /// <summary>A facet value as a client passes it back as the filter: for the enum facets, the value's name (SECTOR_HEALTH).</summary>
    public static string FacetValue(string field, string word) => field switch
    {
        IndexFields.Type => EnumWords.ProtoName(Type(word)),
        IndexFields.Sector when EnumWords.TryParse<Sector>(word, '-', out var sector) => EnumWords.ProtoName(sector),
        IndexFields.OnlineDepth when int.TryParse(word, CultureInfo.InvariantCulture, out var depth) => EnumWords.ProtoName((OnlineDepth)depth),
        _ => word,
    };
}
