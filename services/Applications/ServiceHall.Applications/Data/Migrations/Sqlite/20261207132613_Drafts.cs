using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Applications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Drafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "drafts",
                columns: table => new
                {
                    DraftId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OwnerSubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Application = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drafts", x => x.DraftId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_drafts_OwnerSubject_SavedAt",
                table: "drafts",
                columns: new[] { "OwnerSubject", "SavedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_drafts_SavedAt",
                table: "drafts",
                column: "SavedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "drafts");
        }
    }
}
