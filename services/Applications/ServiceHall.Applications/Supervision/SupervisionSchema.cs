namespace ServiceHall.Applications.Supervision;

/// <summary>
/// What the Supervision migration adds beyond EF Core's columns: warnings, 督办 notes and answers are append-only,
/// like the case trail (Data/CaseSchema.cs). Frozen like every migration's content.
/// </summary>
public static class SupervisionSchema
{
    static readonly string[] Tables = ["case_warnings", "supervision_notes", "supervision_answers"];

    public static string SqliteAppendOnlyV1 => string.Concat(Tables.Select(t => $"""
        CREATE TRIGGER {t}_no_update BEFORE UPDATE ON {t}
        BEGIN SELECT RAISE(ABORT, '{t} are append-only'); END;
        CREATE TRIGGER {t}_no_delete BEFORE DELETE ON {t}
        BEGIN SELECT RAISE(ABORT, '{t} are append-only'); END;

        """));

    public static string PostgresAppendOnlyV1 => """
        CREATE FUNCTION supervision_append_only() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;

        """ + string.Concat(Tables.Select(t => $"""
        CREATE TRIGGER {t}_no_change BEFORE UPDATE OR DELETE ON {t}
          FOR EACH ROW EXECUTE FUNCTION supervision_append_only();
        CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON {t}
          FOR EACH STATEMENT EXECUTE FUNCTION supervision_append_only();

        """));
}
