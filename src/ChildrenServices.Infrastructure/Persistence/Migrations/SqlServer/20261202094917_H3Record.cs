using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildrenServices.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateOfBirthNotKnownReason",
                table: "People",
                type: "nvarchar(200)",
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
