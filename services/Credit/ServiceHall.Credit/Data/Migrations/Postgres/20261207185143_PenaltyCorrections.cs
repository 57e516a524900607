using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServiceHall.Credit.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 1);  // records from before corrections are their first revision

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "penalties",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "penalty_revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PenaltyId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Change = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
