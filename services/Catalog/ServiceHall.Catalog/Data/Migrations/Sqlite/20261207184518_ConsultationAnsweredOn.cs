using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Catalog.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            // Questions answered before this column: their county day (UTC+8), so lateness counts for them too.
            migrationBuilder.Sql("UPDATE consultations SET \"AnsweredOn\" = date(\"AnsweredAt\", '+8 hours') WHERE \"AnsweredAt\" IS NOT NULL;");
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
