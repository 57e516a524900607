using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Credit.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EntityLookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameInitials",
                table: "entities",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NamePinyin",
                table: "entities",
                type: "TEXT",
                maxLength: 1200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationCode",
                table: "entities",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistrationNumber",
                table: "entities",
                type: "TEXT",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "entities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            // Backfill: every credit code carries its organisation code in positions 9–17 (GB 32100). The name's
            // pinyin needs the shipped table, so NamePinyinBackfill fills it when the service starts.
            migrationBuilder.Sql("UPDATE entities SET \"OrganisationCode\" = substr(\"Code\", 9, 9) WHERE \"OrganisationCode\" IS NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_entities_Name",
                table: "entities",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_entities_NameInitials",
                table: "entities",
                column: "NameInitials");

            migrationBuilder.CreateIndex(
                name: "IX_entities_NamePinyin",
                table: "entities",
                column: "NamePinyin");

            migrationBuilder.CreateIndex(
                name: "IX_entities_OrganisationCode",
                table: "entities",
                column: "OrganisationCode");

            migrationBuilder.CreateIndex(
                name: "IX_entities_RegistrationNumber",
                table: "entities",
                column: "RegistrationNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_entities_Name",
                table: "entities");

            migrationBuilder.DropIndex(
                name: "IX_entities_NameInitials",
                table: "entities");

            migrationBuilder.DropIndex(
                name: "IX_entities_NamePinyin",
                table: "entities");

            migrationBuilder.DropIndex(
                name: "IX_entities_OrganisationCode",
                table: "entities");

            migrationBuilder.DropIndex(
                name: "IX_entities_RegistrationNumber",
                table: "entities");

            migrationBuilder.DropColumn(
                name: "NameInitials",
                table: "entities");

            migrationBuilder.DropColumn(
                name: "NamePinyin",
                table: "entities");

            migrationBuilder.DropColumn(
                name: "OrganisationCode",
                table: "entities");

            migrationBuilder.DropColumn(
                name: "RegistrationNumber",
                table: "entities");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "entities");
        }
    }
}
