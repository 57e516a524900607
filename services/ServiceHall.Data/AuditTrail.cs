using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ServiceHall.Data;

/// <summary>One thing that happened: who, when, what, on which object, and the result.</summary>
public sealed record AuditRecord(long Sequence, string At, string Actor, string Action, string Target, string Result, string Detail, string PreviousHash, string Hash)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>SHA-256 over the previous record's hash and every field of this one, as one JSON array (no ambiguity).</summary>
    public static string HashOf(string previousHash, long sequence, string at, string actor, string action, string target, string result, string detail)
    {
        var fields = JsonSerializer.SerializeToUtf8Bytes(new[] { previousHash, sequence.ToString(CultureInfo.InvariantCulture), at, actor, action, target, result, detail });
        return Convert.ToHexStringLower(SHA256.HashData(fields));
    }
}

/// <summary>What <see cref="AuditTrail.VerifyAsync"/> found: the number of records, and the first broken one if any.</summary>
public sealed record AuditVerification(long Records, long? BrokenAt, string Problem)
{
    public bool Intact => BrokenAt is null;
}

/// <summary>
/// The service's audit log, in its own database: append-only (triggers refuse UPDATE, DELETE and TRUNCATE) and
/// tamper-evident (each record's hash covers the previous record's hash, so changing or removing any record
/// breaks every hash after it). Personal numbers are masked before anything is written.
/// </summary>
public sealed class AuditTrail(string connectionString, TimeProvider clock, ILogger<AuditTrail> logger)
{
    readonly SemaphoreSlim gate = new(1, 1);
    readonly bool postgres = ServiceDatabase.IsPostgres(connectionString);

    public Task RecordAsync(ClaimsPrincipal? user, string action, string target, string result, string detail = "", CancellationToken cancellationToken = default) =>
        RecordAsync(user?.Describe() ?? "anonymous", action, target, result, detail, cancellationToken);

    public async Task RecordAsync(string actor, string action, string target, string result, string detail = "", CancellationToken cancellationToken = default)
    {
        (actor, action, target, result, detail) = (Clean(actor, 300), Clean(action, 300), Clean(target, 300), Clean(result, 100), Clean(detail, 2000));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // Another replica may append between our read and our insert; the primary key then refuses ours and we
            // chain onto its record instead, so the log stays one line.
            for (var attempt = 1; ; attempt++)
            {
                var (last, previousHash) = await LastAsync(connection, cancellationToken);
                var sequence = last + 1;
                var at = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
                var hash = AuditRecord.HashOf(previousHash, sequence, at, actor, action, target, result, detail);
                try
                {
                    await using var insert = connection.CreateCommand();
                    insert.CommandText = "INSERT INTO audit_records (sequence, at, actor, action, target, result, detail, previous_hash, hash) " +
                        "VALUES (@sequence, @at, @actor, @action, @target, @result, @detail, @previous, @hash)";
                    Add(insert, "sequence", sequence);
                    Add(insert, "at", at);
                    Add(insert, "actor", actor);
                    Add(insert, "action", action);
                    Add(insert, "target", target);
                    Add(insert, "result", result);
                    Add(insert, "detail", detail);
                    Add(insert, "previous", previousHash);
                    Add(insert, "hash", hash);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                    return;
                }
                catch (DbException ex) when (attempt < 5 && UniqueViolation.Is(ex))
                {
                    logger.LogDebug("Audit sequence {Sequence} taken by another writer; chaining after it", sequence);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Reads the whole chain in order and checks numbering, links and hashes.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        // The service's migrations create the table; a database that never ran them simply has no records yet.
        await using var connection = await OpenAsync(cancellationToken);
        if (!await TableExistsAsync(connection, cancellationToken))
        {
            return new AuditVerification(0, null, "");
        }
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT sequence, at, actor, action, target, result, detail, previous_hash, hash FROM audit_records ORDER BY sequence";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        long count = 0;
        var previousHash = AuditRecord.Genesis;
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = new AuditRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8));
            count++;
            if (record.Sequence != count)
            {
                return new AuditVerification(count, count, $"record {count} is missing (the next one is numbered {record.Sequence})");
            }
            if (record.PreviousHash != previousHash)
            {
                return new AuditVerification(count, count, $"record {count} does not link to record {count - 1}");
            }
            var expected = AuditRecord.HashOf(record.PreviousHash, record.Sequence, record.At, record.Actor, record.Action, record.Target, record.Result, record.Detail);
            if (record.Hash != expected)
            {
                return new AuditVerification(count, count, $"record {count} was changed after it was written (its hash does not match its content)");
            }
            previousHash = record.Hash;
        }
        return new AuditVerification(count, null, "");
    }

    /// <summary>
    /// One page of the records with this result of the given actions on the given targets, newest first. A target
    /// matches when it is named exactly or followed by a space and more ("tracking_number=X" also finds
    /// "tracking_number=X material_id=Y"); the target index (AuditSchema's TargetIndex) keeps this a lookup.
    /// </summary>
    public async Task<IReadOnlyList<AuditRecord>> ForTargetsAsync(IReadOnlyList<string> actions, IReadOnlyList<string> targets, string result,
        int offset, int count, CancellationToken cancellationToken = default)
    {
        if (actions.Count == 0 || targets.Count == 0)
        {
            return [];
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        var actionNames = actions.Select((action, i) => { Add(select, $"a{i}", action); return $"@a{i}"; });
        // SQLite's LIKE ignores case and so cannot use the index; GLOB can. PostgreSQL's index is text_pattern_ops for LIKE.
        var targetTests = targets.Select((target, i) =>
        {
            Add(select, $"t{i}", target);
            Add(select, $"p{i}", postgres ? LikePrefix(target) + " %" : GlobPrefix(target) + " *");
            return postgres ? $"target = @t{i} OR target LIKE @p{i}" : $"target = @t{i} OR target GLOB @p{i}";
        });
        select.CommandText = "SELECT sequence, at, actor, action, target, result, detail, previous_hash, hash FROM audit_records " +
            $"WHERE result = @result AND action IN ({string.Join(", ", actionNames)}) AND ({string.Join(" OR ", targetTests)}) " +
            "ORDER BY sequence DESC LIMIT @count OFFSET @offset";
        Add(select, "result", result);
        Add(select, "count", count);
        Add(select, "offset", offset);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AuditRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8)));
        }
        return records;
    }

    static string LikePrefix(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    static string GlobPrefix(string text) => string.Concat(text.Select(c => c is '*' or '?' or '[' ? $"[{c}]" : c.ToString()));

    /// <summary>The newest records first, for tests and an officer's screen.</summary>
    public async Task<IReadOnlyList<AuditRecord>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT sequence, at, actor, action, target, result, detail, previous_hash, hash FROM audit_records ORDER BY sequence DESC LIMIT @count";
        Add(select, "count", count);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AuditRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8)));
        }
        return records;
    }

    /// <summary>
    /// Masks personal numbers, escapes control characters and caps the length. Escaping matters because actors
    /// and targets come from callers (a typed user name, a client id): a line break in one would let it forge a
    /// second line wherever the trail is shown or exported line by line.
    /// </summary>
    static string Clean(string value, int max)
    {
        var text = EscapeControls(PersonalNumbers.MaskAll(value));
        return text.Length <= max ? text : text[..max];
    }

    static string EscapeControls(string value)
    {
        if (!value.Any(c => c == '\\' || BreaksLines(c)))
        {
            return value;
        }
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                // A typed backslash is doubled, so a typed backslash-n (two characters) still differs from an escaped line break.
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when BreaksLines(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    static bool BreaksLines(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator;

    static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    static async Task<(long Sequence, string Hash)> LastAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var last = connection.CreateCommand();
        last.CommandText = "SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1";
        await using var reader = await last.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditRecord.Genesis);
    }

    async Task<bool> TableExistsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = postgres
            ? "SELECT count(*) FROM information_schema.tables WHERE table_name = 'audit_records' AND table_schema = current_schema()"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_records'";
        return Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
