using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Catalog.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConsultationAnsweredOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AnsweredOn",
                table: "consultations",
                type: "date",
                nullable: true);

            // Questions answered before this column: their county day (UTC+8), so lateness counts for them too.
            migrationBuilder.Sql("UPDATE consultations SET \"AnsweredOn\" = ((\"AnsweredAt\" AT TIME ZONE 'UTC') + interval '8 hours')::date WHERE \"AnsweredAt\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnsweredOn",
                table: "consultations");
        }
    }
}
