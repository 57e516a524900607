using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Credit.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PenaltyCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "penalties",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);  // records from before corrections are their first revision

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "penalties",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "penalty_revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PenaltyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_penalty_revisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_penalty_revisions_PenaltyId_Revision",
                table: "penalty_revisions",
                columns: new[] { "PenaltyId", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "penalty_revisions");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "penalties");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "penalties");
        }
    }
}
