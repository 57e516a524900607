using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Credit.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CreditLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "list_entries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EntityCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DecidingBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidingBodyCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DateIn = table.Column<DateOnly>(type: "date", nullable: false),
                    DateOut = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_list_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_list_entries_entities_EntityCode",
                        column: x => x.EntityCode,
                        principalTable: "entities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_list_entries_EntityCode_DateOut",
                table: "list_entries",
                columns: new[] { "EntityCode", "DateOut" });

            migrationBuilder.CreateIndex(
                name: "IX_list_entries_Kind_DateIn",
                table: "list_entries",
                columns: new[] { "Kind", "DateIn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "list_entries");
        }
    }
}
