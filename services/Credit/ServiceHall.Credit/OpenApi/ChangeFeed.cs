using System.Xml.Linq;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit.OpenApi;

/// <summary>
/// GET /api/credit/open/v1/feed: the client's changes as an Atom feed (RFC 4287), newest first, every change the
/// webhook would carry whether or not the client has one; each entry's id is the change's event id, its content
/// the webhook's JSON body.
/// </summary>
public static class ChangeFeed
{
    public const string Path = "/api/credit/open/v1/feed";
    public const int Entries = 100;
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static async Task<IResult> GetAsync(HttpContext context, CreditDb db, TimeProvider clock)
    {
        var clientId = context.User.Subject();
        var changes = await db.Set<ChangeDelivery>().AsNoTracking().Where(d => d.ClientId == clientId)
            .OrderByDescending(d => d.OccurredAt).ThenBy(d => d.EventId).Take(Entries).ToListAsync(context.RequestAborted);
        var updated = changes.Count > 0 ? changes[0].OccurredAt : clock.GetUtcNow().UtcDateTime;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", "urn:servicehall:credit:feed:" + clientId),
            new XElement(Atom + "title", "信用主体变动（" + clientId + "）"),
            new XElement(Atom + "updated", Instant(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", "县公共信用信息平台")),
            changes.Select(Entry));
        var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
        return Results.Text(xml.Declaration + "\n" + xml.Root, "application/atom+xml; charset=utf-8");
    }

    static XElement Entry(ChangeDelivery delivery)
    {
        var change = Parser.Parse<WatchedChange>(delivery.Payload);
        return new XElement(Atom + "entry",
            new XElement(Atom + "id", "urn:uuid:" + delivery.EventId),
            new XElement(Atom + "title", $"{change.Name}（{change.Code}）：{KindWord(change.Kind)}"),
            new XElement(Atom + "updated", Instant(delivery.OccurredAt)),
            new XElement(Atom + "category", new XAttribute("term", OpenApiReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>("ChangeKind").FindValueByNumber((int)change.Kind)?.Name ?? change.Kind.ToString())),
            new XElement(Atom + "content", new XAttribute("type", "application/json"), delivery.Payload));
    }

    public static string KindWord(ChangeKind kind) => kind switch
    {
        ChangeKind.RecordAdded => "新增公示记录",
        ChangeKind.RecordWithdrawn => "记录退出公示",
        _ => "信息变更",
    };

    static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
