using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Applications.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The trail's targets indexed, for an applicant's "who looked at my data" (docs/domain.md §6).
            migrationBuilder.Sql(ServiceHall.Data.AuditSchema.PostgresTargetIndexV2);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS audit_records_target;");
        }
    }
}
