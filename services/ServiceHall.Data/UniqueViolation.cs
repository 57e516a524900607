using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ServiceHall.Data;

public static class UniqueViolation
{
    /// <summary>True when a save failed because a unique index refused a duplicate, on SQLite or PostgreSQL.</summary>
    public static bool Is(DbUpdateException exception) => exception.InnerException is { } inner && Is(inner);

    /// <summary>The same for a command run without EF (the audit trail).</summary>
    public static bool Is(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
