using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Applications.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DaysUsedAtStop",
                table: "applications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SubmittedOn",
                table: "applications",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Cases submitted before the day was kept: their county day (UTC+8) from the time they were submitted.
            migrationBuilder.Sql("""UPDATE applications SET "SubmittedOn" = ("SubmittedAt" AT TIME ZONE 'Asia/Shanghai')::date;""");

            migrationBuilder.CreateIndex(
                name: "IX_applications_CompletedOn_DaysUsedAtStop_LimitDays_Extension~",
                table: "applications",
                columns: new[] { "CompletedOn", "DaysUsedAtStop", "LimitDays", "ExtensionDays" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_DepartmentCode_CompletedOn_DaysUsedAtStop_Limi~",
                table: "applications",
                columns: new[] { "DepartmentCode", "CompletedOn", "DaysUsedAtStop", "LimitDays", "ExtensionDays" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_DepartmentCode_Department",
                table: "applications",
                columns: new[] { "DepartmentCode", "Department" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_DepartmentCode_SubmittedOn",
                table: "applications",
                columns: new[] { "DepartmentCode", "SubmittedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_SubmittedOn",
                table: "applications",
                column: "SubmittedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_applications_CompletedOn_DaysUsedAtStop_LimitDays_Extension~",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "IX_applications_DepartmentCode_CompletedOn_DaysUsedAtStop_Limi~",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "IX_applications_DepartmentCode_Department",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "IX_applications_DepartmentCode_SubmittedOn",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "IX_applications_SubmittedOn",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "DaysUsedAtStop",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "SubmittedOn",
                table: "applications");
        }
    }
}
