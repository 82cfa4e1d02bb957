using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildrenServices.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H3Record : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ApproximateDateOfBirth",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateOfBirthNotKnownReason",
                table: "People",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApproximateDateOfBirth",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DateOfBirthNotKnownReason",
                table: "People");
        }
    }
}
