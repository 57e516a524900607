using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Credit.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The append-only, hash-chained audit trail (docs/architecture.md); before migrations the trail made it itself.
            migrationBuilder.Sql(ServiceHall.Data.AuditSchema.PostgresV1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // An audit trail is never taken back: dropping it would erase the record of who did what.
            throw new System.NotSupportedException("The audit trail cannot be removed by a migration.");
        }
    }
}
