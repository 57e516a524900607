using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Catalog.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CalendarYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_years",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Holidays = table.Column<string>(type: "text", nullable: false),
                    AdjustedWorkdays = table.Column<string>(type: "text", nullable: false),
                    Basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SetBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_years", x => x.Year);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_years");
        }
    }
}
