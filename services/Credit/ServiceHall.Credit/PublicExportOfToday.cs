using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Common.V1;
using ServiceHall.Credit.Data;
using ServiceHall.Messaging;

namespace ServiceHall.Credit;

/// <summary>
/// The credit log as it may be read today: every entity event keeps only the records still in publicity, each
/// penalty with its last public day, and its licences (public without an end) as they were. An event announced a
/// penalty while it was public; replaying it after the publicity period must not show it again (a search index
/// rebuilt from the export). Works on the JSON, so events written before the record kinds were enums pass unchanged
/// apart from their records.
/// </summary>
public sealed class PublicExportOfToday(CreditDb db, TimeProvider clock) : IExportRewriter
{
    public async Task RewriteAsync(List<ExportedEvent> page, CancellationToken cancellationToken)
    {
        var events = page.Where(e => e.Topic == Topics.CreditEntityChanged)
            .Select(e => (Exported: e, Payload: JsonNode.Parse(e.PayloadJson) as JsonObject))
            .ToList();
        var ids = events.SelectMany(e => Records(e.Payload)).Select(Id).OfType<string>().Distinct().ToList();
        var today = PublicityPeriod.Today(clock);
        var publicUntil = await db.Penalties.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.PublicityUntil >= today)
            .ToDictionaryAsync(p => p.Id, p => p.PublicityUntil, cancellationToken);
        var licences = (await db.Licences.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (exported, payload) in events)
        {
            if (payload?["records"] is not JsonArray records)
            {
                continue;
            }
            var kept = new JsonArray();
            foreach (var record in records.OfType<JsonObject>().ToList())
            {
                if (Id(record) is { } id && publicUntil.TryGetValue(id, out var until))
                {
                    records.Remove(record);
                    record["publicUntil"] = until.ToString(PenaltyRecord.DateFormat, CultureInfo.InvariantCulture);
                    kept.Add(record);
                }
                else if (Id(record) is { } licence && licences.Contains(licence))
                {
                    records.Remove(record);
                    kept.Add(record);
                }
            }
            payload["records"] = kept;
            exported.PayloadJson = payload.ToJsonString();
        }
    }

    static IEnumerable<JsonObject> Records(JsonObject? payload) =>
        payload?["records"] is JsonArray records ? records.OfType<JsonObject>() : [];

    static string? Id(JsonObject record) => record["id"]?.GetValue<string>();
}
