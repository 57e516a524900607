using Npgsql;
using NpgsqlTypes;
using ServiceHall.Testing;

namespace ServiceHall.Bench.SearchScale;

/// <summary>
/// The PostgreSQL alternative to the Lucene index: the same SmartCn words, joined by spaces, turned into one
/// tsvector by the 'simple' configuration (title weighted A, body B), a GIN index over it, and ranked top-ten
/// queries with ts_rank weighting A three times B, as Lucene weighs title over body.
/// Lives in a database of its own on the throwaway test cluster and drops it when disposed.
/// </summary>
sealed class PostgresSearchTable : IDisposable
{
    const string RankWeights = "'{0.1, 0.2, 0.333, 1.0}'"; // {D, C, B, A}: title (A) counts three times body (B)

    readonly NpgsqlConnection connection;
    readonly string adminConnectionString;
    readonly string database;

    PostgresSearchTable(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 };
        database = builder.Database!;
        adminConnectionString = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        Execute(adminConnectionString, $"CREATE DATABASE \"{database}\"");
        connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
    }

    public static PostgresSearchTable Create(PostgresServer server) => new(server.NewDatabase("bench_search"));

    public string ServerVersion => connection.PostgreSqlVersion.ToString();

    public string Setting(string name) => (string)Scalar($"SELECT current_setting('{name}')")!;

    /// <summary>Creates the table and loads every document with one binary COPY; the tsvector is computed by the server as rows arrive.</summary>
    public void Load(IReadOnlyList<SourceDocument> documents, IReadOnlyList<string> titleWords, IReadOnlyList<string> bodyWords)
    {
        Execute("""
            CREATE TABLE docs (
                id integer NOT NULL,
                title_words text NOT NULL,
                body_words text NOT NULL,
                words tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', title_words), 'A') || setweight(to_tsvector('simple', body_words), 'B')) STORED)
            """);
        using var copy = connection.BeginBinaryImport("COPY docs (id, title_words, body_words) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < documents.Count; i++)
        {
            copy.StartRow();
            copy.Write(documents[i].Id, NpgsqlDbType.Integer);
            copy.Write(titleWords[i], NpgsqlDbType.Text);
            copy.Write(bodyWords[i], NpgsqlDbType.Text);
        }
        copy.Complete();
    }

    /// <summary>
    /// The GIN index, then statistics for the planner. maintenance_work_mem is raised for this session only, as
    /// anyone building a large GIN index does; the default 64 MB makes the build spill many times over.
    /// </summary>
    public void BuildIndex()
    {
        Execute("SET maintenance_work_mem = '512MB'");
        Execute("CREATE INDEX docs_words ON docs USING gin (words)");
        Execute("RESET maintenance_work_mem");
        Execute("ANALYZE docs");
    }

    /// <summary>Table, its TOAST and the GIN index together.</summary>
    public long TotalSize() => (long)Scalar("SELECT pg_total_relation_size('docs')")!;

    public long IndexSize() => (long)Scalar("SELECT pg_relation_size('docs_words')")!;

    /// <returns>How many ids came back (at most ten).</returns>
    public int Search(BenchQuery query)
    {
        using var command = Command(RankedSql(query), TsQueryText(query));
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            _ = reader.GetInt32(0);
            rows++;
        }
        return rows;
    }

    /// <summary>Whether the planner answers this query through the GIN index (rather than reading the whole table).</summary>
    public bool UsesGinIndex(BenchQuery query)
    {
        using var command = Command("EXPLAIN " + RankedSql(query), TsQueryText(query));
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(0));
        }
        return plan.Any(line => line.Contains("docs_words", StringComparison.Ordinal));
    }

    public long CountMatches(BenchQuery query)
    {
        using var command = Command($"SELECT count(*) FROM docs WHERE words @@ {TsQueryFunction(query)}", TsQueryText(query));
        return (long)command.ExecuteScalar()!;
    }

    static string RankedSql(BenchQuery query) =>
        $"SELECT id FROM docs WHERE words @@ {TsQueryFunction(query)} ORDER BY ts_rank({RankWeights}, words, {TsQueryFunction(query)}) DESC LIMIT 10";

    static string TsQueryFunction(BenchQuery query) =>
        query.Kind == QueryKind.Phrase ? "phraseto_tsquery('simple', $1)" : "to_tsquery('simple', $1)";

    /// <summary>Words quoted, so nothing in them is read as tsquery syntax; OR between them, or just spaces for a phrase.</summary>
    static string TsQueryText(BenchQuery query) =>
        query.Kind == QueryKind.Phrase
            ? string.Join(' ', query.Words)
            : string.Join(" | ", query.Words.Select(w => "'" + w.Replace("'", "''", StringComparison.Ordinal) + "'"));

    NpgsqlCommand Command(string sql, string parameter)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }

    object? Scalar(string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    static void Execute(string connectionString, string sql)
    {
        using var admin = new NpgsqlConnection(connectionString);
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        connection.Dispose();
        NpgsqlConnection.ClearAllPools();
        Execute(adminConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }
}
