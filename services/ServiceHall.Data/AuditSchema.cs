namespace ServiceHall.Data;

/// <summary>
/// The audit trail's table and the triggers that keep it append-only, as each service's "AuditTrail" migration
/// creates them. Frozen: a migration must always do what it did when it was first applied, so a change to the
/// table is a new constant and a new migration, never an edit here. "IF NOT EXISTS" throughout, because databases
/// made before migrations already hold the table (the audit trail used to create it itself).
/// </summary>
public static class AuditSchema
{
    const string Columns = "sequence BIGINT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, " +
        "result TEXT NOT NULL, detail TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL";

    public const string SqliteV1 = "CREATE TABLE IF NOT EXISTS audit_records (" + Columns + ");" + """
        CREATE TRIGGER IF NOT EXISTS audit_records_no_update BEFORE UPDATE ON audit_records
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_records_no_delete BEFORE DELETE ON audit_records
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
        """;

    public const string PostgresV1 = "CREATE TABLE IF NOT EXISTS audit_records (" + Columns + ");" + """
        CREATE OR REPLACE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'audit records are append-only'; END $$;
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_records_no_change') THEN
            CREATE TRIGGER audit_records_no_change BEFORE UPDATE OR DELETE ON audit_records
              FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
          END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_records_no_truncate') THEN
            CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
              FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
          END IF;
        END $$;
        """;

    /// <summary>
    /// V2: an index on the target, so a person's own records are found without reading the whole trail (the
    /// applications service's "who looked at my data"). PostgreSQL's operator class lets LIKE 'prefix%' use it.
    /// </summary>
    public const string SqliteTargetIndexV2 = "CREATE INDEX IF NOT EXISTS audit_records_target ON audit_records (target);";

    public const string PostgresTargetIndexV2 = "CREATE INDEX IF NOT EXISTS audit_records_target ON audit_records (target text_pattern_ops);";
}
