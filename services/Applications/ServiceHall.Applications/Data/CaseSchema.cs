namespace ServiceHall.Applications.Data;

/// <summary>
/// What the CaseLife migration adds beyond EF Core's columns, per database engine. Frozen like every migration's
/// content: a later change is a new constant and a new migration.
/// </summary>
public static class CaseSchema
{
    /// <summary>
    /// Applications submitted before cases had a trail get their first step, so every trail starts with 申请. The
    /// name is the one on the application (there was no sign-in name kept then).
    /// </summary>
    public const string FirstStepsV1 = """
        INSERT INTO case_steps ("TrackingNumber", "Sequence", "At", "Action", "ActorSubject", "ActorName", "ActorRole",
            "FromStatus", "ToStatus", "Opinion", "InternalNote", "CorrectionItems", "ReviewStep", "WorkingDays",
            "SpecialProcedure", "Decision", "DocumentNumber", "DocumentTitle")
        SELECT "TrackingNumber", 1, "SubmittedAt", 'submitted', "OwnerSubject", "ApplicantName", 'applicant',
            '', "Status", '', '', '[]', '', 0, '', '', '', ''
        FROM applications;
        """;

    public const string SqliteAppendOnlyV1 = """
        CREATE TRIGGER case_steps_no_update BEFORE UPDATE ON case_steps
        BEGIN SELECT RAISE(ABORT, 'case steps are append-only'); END;
        CREATE TRIGGER case_steps_no_delete BEFORE DELETE ON case_steps
        BEGIN SELECT RAISE(ABORT, 'case steps are append-only'); END;
        """;

    public const string PostgresAppendOnlyV1 = """
        CREATE FUNCTION case_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'case steps are append-only'; END $$;
        CREATE TRIGGER case_steps_no_change BEFORE UPDATE OR DELETE ON case_steps
          FOR EACH ROW EXECUTE FUNCTION case_steps_append_only();
        CREATE TRIGGER case_steps_no_truncate BEFORE TRUNCATE ON case_steps
          FOR EACH STATEMENT EXECUTE FUNCTION case_steps_append_only();
        """;
}
