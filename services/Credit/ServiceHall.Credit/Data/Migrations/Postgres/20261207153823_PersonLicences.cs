using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Credit.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PersonLicences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_licences_entities_EntityCode",
                table: "licences");

            migrationBuilder.AlterColumn<string>(
                name: "EntityCode",
                table: "licences",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<string>(
                name: "HolderName",
                table: "licences",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddForeignKey(
                name: "FK_licences_entities_EntityCode",
                table: "licences",
                column: "EntityCode",
                principalTable: "entities",
                principalColumn: "Code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_licences_entities_EntityCode",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "HolderName",
                table: "licences");

            migrationBuilder.AlterColumn<string>(
                name: "EntityCode",
                table: "licences",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_licences_entities_EntityCode",
                table: "licences",
                column: "EntityCode",
                principalTable: "entities",
                principalColumn: "Code",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
