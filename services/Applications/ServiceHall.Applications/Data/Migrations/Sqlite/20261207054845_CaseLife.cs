using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Applications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseLife : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AcceptedOn",
                table: "applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeadlineOn",
                table: "applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Decision",
                table: "applications",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Delivery",
                table: "applications",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "window");

            migrationBuilder.AddColumn<string>(
                name: "DocumentNumber",
                table: "applications",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DocumentTitle",
                table: "applications",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ExtensionDays",
                table: "applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LimitDays",
                table: "applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LimitUnit",
                table: "applications",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "working_days");

            migrationBuilder.AddColumn<string>(
                name: "OpenCorrection",
                table: "applications",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Pauses",
                table: "applications",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "ResumeStatus",
                table: "applications",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReviewSteps",
                table: "applications",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "StatutoryDays",
                table: "applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StoppedOn",
                table: "applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "case_steps",
                columns: table => new
                {
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorSubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    InternalNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CorrectionItems = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewStep = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SpecialProcedure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentTitle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_steps", x => new { x.TrackingNumber, x.Sequence });
                    table.ForeignKey(
                        name: "FK_case_steps_applications_TrackingNumber",
                        column: x => x.TrackingNumber,
                        principalTable: "applications",
                        principalColumn: "TrackingNumber",
                        onDelete: ReferentialAction.Restrict);
                });

            // Lists default to empty JSON lists and old applications to the counter and working days (see CaseSchema).
            migrationBuilder.Sql(CaseSchema.FirstStepsV1);
            migrationBuilder.Sql(CaseSchema.SqliteAppendOnlyV1);

            migrationBuilder.CreateIndex(
                name: "IX_applications_DepartmentCode_Status_DeadlineOn",
                table: "applications",
                columns: new[] { "DepartmentCode", "Status", "DeadlineOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_steps");

            migrationBuilder.DropIndex(
                name: "IX_applications_DepartmentCode_Status_DeadlineOn",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "AcceptedOn",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "DeadlineOn",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "Decision",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "Delivery",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "DocumentNumber",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "DocumentTitle",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ExtensionDays",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "LimitDays",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "LimitUnit",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "OpenCorrection",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "Pauses",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ResumeStatus",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ReviewSteps",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "StatutoryDays",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "StoppedOn",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "applications");
        }
    }
}
