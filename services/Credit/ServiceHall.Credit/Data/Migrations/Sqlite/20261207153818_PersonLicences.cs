using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Credit.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<string>(
                name: "HolderName",
                table: "licences",
                type: "TEXT",
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
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
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
