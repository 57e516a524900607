using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Applications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_warnings",
                columns: table => new
                {
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OnDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DaysUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    AllowedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_warnings", x => new { x.TrackingNumber, x.Level });
                    table.ForeignKey(
                        name: "FK_case_warnings_applications_TrackingNumber",
                        column: x => x.TrackingNumber,
                        principalTable: "applications",
                        principalColumn: "TrackingNumber",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervision_notes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WrittenBySubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WrittenByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_notes_applications_TrackingNumber",
                        column: x => x.TrackingNumber,
                        principalTable: "applications",
                        principalColumn: "TrackingNumber",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervision_answers",
                columns: table => new
                {
                    NoteId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AnsweredBySubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_answers", x => x.NoteId);
                    table.ForeignKey(
                        name: "FK_supervision_answers_supervision_notes_NoteId",
                        column: x => x.NoteId,
                        principalTable: "supervision_notes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_warnings_DepartmentCode_Level",
                table: "case_warnings",
                columns: new[] { "DepartmentCode", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_answers_TrackingNumber",
                table: "supervision_answers",
                column: "TrackingNumber");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_notes_DepartmentCode",
                table: "supervision_notes",
                column: "DepartmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_notes_TrackingNumber_WrittenAt",
                table: "supervision_notes",
                columns: new[] { "TrackingNumber", "WrittenAt" });

            // Warnings, 督办 notes and answers are append-only, like the trail.
            migrationBuilder.Sql(ServiceHall.Applications.Supervision.SupervisionSchema.SqliteAppendOnlyV1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_warnings");

            migrationBuilder.DropTable(
                name: "supervision_answers");

            migrationBuilder.DropTable(
                name: "supervision_notes");
        }
    }
}
