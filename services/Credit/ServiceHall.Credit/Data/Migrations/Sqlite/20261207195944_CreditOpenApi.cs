using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Credit.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditOpenApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "open_api_deliveries",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeasedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open_api_deliveries", x => new { x.ClientId, x.EventId });
                });

            migrationBuilder.CreateTable(
                name: "open_api_lookups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EntityCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    LookedUpAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open_api_lookups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "open_api_usage",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Window = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    WindowStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open_api_usage", x => new { x.ClientId, x.Window, x.WindowStart });
                });

            migrationBuilder.CreateTable(
                name: "open_api_watches",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KnownRecordIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open_api_watches", x => new { x.ClientId, x.EntityCode });
                });

            migrationBuilder.CreateTable(
                name: "open_api_webhooks",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SigningSecret = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open_api_webhooks", x => x.ClientId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_open_api_deliveries_ClientId_OccurredAt",
                table: "open_api_deliveries",
                columns: new[] { "ClientId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_open_api_deliveries_NextAttemptAt",
                table: "open_api_deliveries",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_open_api_lookups_EntityCode_LookedUpAt",
                table: "open_api_lookups",
                columns: new[] { "EntityCode", "LookedUpAt" });

            migrationBuilder.CreateIndex(
                name: "IX_open_api_watches_EntityCode",
                table: "open_api_watches",
                column: "EntityCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "open_api_deliveries");

            migrationBuilder.DropTable(
                name: "open_api_lookups");

            migrationBuilder.DropTable(
                name: "open_api_usage");

            migrationBuilder.DropTable(
                name: "open_api_watches");

            migrationBuilder.DropTable(
                name: "open_api_webhooks");
        }
    }
}
