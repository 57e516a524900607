using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Applications.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RatingsAndFigures : Migration
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

            migrationBuilder.CreateTable(
                name: "ratings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TrackingNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RaterSubject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ItemName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CommentStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ModerationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ModeratorSubject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ModeratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FollowUpStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FollowUpDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Rectification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RectifiedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RectifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CallBack = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CalledBackBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CalledBackAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Resolved = table.Column<bool>(type: "boolean", nullable: false),
                    Remark = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ratings_applications_TrackingNumber",
                        column: x => x.TrackingNumber,
                        principalTable: "applications",
                        principalColumn: "TrackingNumber",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_ratings_CommentStatus_RatedAt",
                table: "ratings",
                columns: new[] { "CommentStatus", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ratings_DepartmentCode_FollowUpStatus_FollowUpDueOn",
                table: "ratings",
                columns: new[] { "DepartmentCode", "FollowUpStatus", "FollowUpDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ratings_DepartmentCode_RatedOn_Level",
                table: "ratings",
                columns: new[] { "DepartmentCode", "RatedOn", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_ratings_RatedOn_Level",
                table: "ratings",
                columns: new[] { "RatedOn", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_ratings_TrackingNumber_Channel",
                table: "ratings",
                columns: new[] { "TrackingNumber", "Channel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ratings");

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
