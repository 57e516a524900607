using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;

namespace ServiceHall.Credit.Import;

/// <summary>What an import did, or every problem that stopped it (nothing written then).</summary>
public sealed record ImportOutcome(ImportRecordsResult? Result, IReadOnlyList<RowProblem> Problems);

/// <summary>Credit:Import: the largest file the import takes.</summary>
public sealed class ImportLimits
{
    public const string Section = "Credit:Import";
    public long MaxFileBytes { get; set; } = 10L * 1024 * 1024;
}

/// <summary>
/// Imports one file of 双公示 records for one department (docs/domain.md §8): all rows checked first
/// (<see cref="ImportCheck"/>), then, only when none has a problem, every new record, the entities the rows name
/// that were not registered, and the announcements (EntityChanged per entity touched, PersonLicencePublished per
/// natural person's licence) saved in one transaction. A record already recorded under the same decision number
/// by the same deciding body is left as it is, so importing a file again changes nothing.
/// </summary>
public sealed class CreditImporter(CreditDb db, IOptions<PublicityPeriod> publicity, TimeProvider clock)
{
    const int Chunk = 500;

    public async Task<ImportOutcome> ImportAsync(ImportKind kind, byte[] content, string department, CancellationToken ct)
    {
        if (kind == ImportKind.Unspecified)
        {
            return Refused("记录类别：必填（行政许可或行政处罚）");
        }
        if (department.Length == 0)
        {
            return Refused("您的账号没有所属部门，不能导入");
        }
        var file = ImportFile.Read(content, out var unreadable);
        if (unreadable is not null)
        {
            return Refused(unreadable);
        }
        var columns = ImportColumns.Detect(kind, file.Header);
        if (columns is null)
        {
            var expected = kind == ImportKind.Penalties ? ImportColumns.CurrentPenalties : ImportColumns.CurrentLicences;
            var old = kind == ImportKind.Penalties ? ImportColumns.Penalties2016 : ImportColumns.Licences2016;
            return Refused($"表头不是{(kind == ImportKind.Penalties ? "行政处罚" : "行政许可")}的现行双公示格式（须有“{expected.Markers[0]}”列）"
                + $"，也不是2016年格式（须有“{old.Markers[0]}”列）");
        }
        var located = columns.Locate(file.Header, out var missing);
        if (missing.Count > 0)
        {
            return new ImportOutcome(null, [.. missing.Select(m => new RowProblem { Row = 1, Column = m, Problem = "缺少这一列" })]);
        }
        if (file.Rows.Count == 0)
        {
            return Refused("文件只有表头，没有记录");
        }

        var today = PublicityPeriod.Today(clock);
        var check = new ImportCheck(columns, file.Header, located, CreditCode.Normalize(department), today, publicity.Value);
        foreach (var row in file.Rows)
        {
            check.Check(row);
        }
        if (check.Problems.Count > 0)
        {
            return new ImportOutcome(null, check.Problems);
        }
        return new ImportOutcome(await WriteAsync(kind, columns.Set, check.Rows, CreditCode.Normalize(department), today, ct), []);
    }

    async Task<ImportRecordsResult> WriteAsync(ImportKind kind, ColumnSet set, List<CheckedRow> rows, string department, DateOnly today, CancellationToken ct)
    {
        // Every row's deciding body is the department (checked), so its decision numbers are the natural keys to look in.
        var recorded = kind == ImportKind.Penalties
            ? await db.Penalties.Where(p => p.AuthorityCode == department).Select(p => p.DecisionNumber).ToListAsync(ct)
            : await db.Licences.Where(l => l.AuthorityCode == department).Select(l => l.DecisionNumber).ToListAsync(ct);
        var known = recorded.ToHashSet(StringComparer.Ordinal);
        var fresh = rows.Where(r => !known.Contains(r.DecisionNumber)).ToList();
        var result = new ImportRecordsResult { ColumnSet = set, Rows = rows.Count, Unchanged = rows.Count - fresh.Count };
        if (fresh.Count == 0)
        {
            return result;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var codes = fresh.Where(r => r.HolderCode.Length > 0).Select(r => r.HolderCode).Distinct().ToList();
        var entities = new Dictionary<string, Data.MarketEntity>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(Chunk))
        {
            foreach (var entity in await db.EntitiesAsShown(today).Where(e => chunk.Contains(e.Code)).ToListAsync(ct))
            {
                entities[entity.Code] = entity;
            }
        }
        foreach (var row in fresh)
        {
            if (row.HolderCode.Length > 0 && !entities.ContainsKey(row.HolderCode))
            {
                // Named in the department's own decision, with the name and code the national format requires: registered
                // from the row rather than refused, so a file is not held up by a registration nobody else would make.
                var entity = Data.MarketEntity.Register(row.HolderCode, new RegisterEntityRequest
                {
                    Code = row.HolderCode,
                    Name = row.HolderName,
                    EntityCategory = row.HolderKind,
                    LegalRepresentative = row.LegalRepresentative,
                }, now);
                entities[row.HolderCode] = entity;
                db.Entities.Add(entity);
                result.EntitiesRegistered++;
            }
        }

        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in fresh)
        {
            if (row.Penalty is { } penalty)
            {
                entities[row.HolderCode].AddPenalty(Data.PenaltyRecord.Create(row.HolderCode, penalty, row.Terms!, now));
                touched.Add(row.HolderCode);
            }
            else if (row.Licence is { } licence)
            {
                var record = NewLicence(row, licence, now);
                if (record.EntityCode is { } code)
                {
                    entities[code].AddLicence(record);
                    touched.Add(code);
                }
                else
                {
                    db.Licences.Add(record);
                    db.Add(OutboxMessage.For(Topics.CreditPersonLicencePublished, record.ToPersonEvent()));
                }
            }
            result.Added++;
        }
        foreach (var code in touched.Order(StringComparer.Ordinal))
        {
            db.Add(OutboxMessage.For(Topics.CreditEntityChanged, entities[code].ToEvent(today)));
        }
        // One SaveChanges is one transaction: every record and announcement, or none.
        await db.SaveChangesAsync(ct);
        return result;
    }

    static Data.LicenceRecord NewLicence(CheckedRow row, CheckedLicence licence, DateTime now)
    {
        var id = Guid.NewGuid().ToString("N");
        return new Data.LicenceRecord
        {
            Id = id,
            EntityCode = row.HolderCode.Length > 0 ? row.HolderCode : null,
            // A natural person's name is kept masked only, as LicenceEvents keeps it.
            HolderName = row.HolderCode.Length > 0 ? "" : PersonNames.Masked(row.HolderName),
            DecisionNumber = row.DecisionNumber,
            DocumentTitle = licence.DocumentTitle,
            Category = licence.Category,
            Content = licence.Content,
            DecisionDate = licence.DecisionDate,
            Authority = licence.Authority,
            AuthorityCode = licence.AuthorityCode,
            // 数据来源 of an imported licence: no application, so the import and the record's own id (unique, as the column requires).
            SourceTrackingNumber = ImportedSourcePrefix + id,
            RecordedAt = now,
        };
    }

    /// <summary>数据来源 of a licence that came from an import file rather than an approved application.</summary>
    public const string ImportedSourcePrefix = "导入";

    static ImportOutcome Refused(string problem) => new(null, [new RowProblem { Row = 0, Column = "", Problem = problem }]);
}
