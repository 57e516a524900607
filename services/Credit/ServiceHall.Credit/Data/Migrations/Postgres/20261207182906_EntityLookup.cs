using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Credit.Data.Migrations.Postgres
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NamePinyin",
                table: "entities",
                type: "character varying(1200)",
                maxLength: 1200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationCode",
                table: "entities",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistrationNumber",
                table: "entities",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "entities",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            // Backfill: every credit code carries its organisation code in positions 9–17 (GB 32100). The name's
            // pinyin needs the shipped table, so NamePinyinBackfill fills it when the service starts.
            migrationBuilder.Sql("UPDATE entities SET \"OrganisationCode\" = substr(\"Code\", 9, 9) WHERE \"OrganisationCode\" IS NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_entities_Name",
                table: "entities",
                column: "Name")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_entities_NameInitials",
                table: "entities",
                column: "NameInitials")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_entities_NamePinyin",
                table: "entities",
                column: "NamePinyin")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

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
