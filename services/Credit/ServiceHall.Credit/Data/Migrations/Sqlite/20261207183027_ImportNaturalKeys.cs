using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Credit.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportNaturalKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_penalties_AuthorityCode_DecisionNumber",
                table: "penalties",
                columns: new[] { "AuthorityCode", "DecisionNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_licences_AuthorityCode_DecisionNumber",
                table: "licences",
                columns: new[] { "AuthorityCode", "DecisionNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_penalties_AuthorityCode_DecisionNumber",
                table: "penalties");

            migrationBuilder.DropIndex(
                name: "IX_licences_AuthorityCode_DecisionNumber",
                table: "licences");
        }
    }
}
