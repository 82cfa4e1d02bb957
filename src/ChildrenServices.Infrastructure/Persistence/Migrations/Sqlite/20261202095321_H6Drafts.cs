using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildrenServices.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H6Drafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NoteDrafts");

            migrationBuilder.CreateTable(
                name: "FormDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 400000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormDrafts_StaffMembers_UserId",
                        column: x => x.UserId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FormDrafts_UserId_Form_SubjectId",
                table: "FormDrafts",
                columns: new[] { "UserId", "Form", "SubjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FormDrafts");

            migrationBuilder.CreateTable(
                name: "NoteDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 110000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoteDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoteDrafts_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NoteDrafts_StaffMembers_UserId",
                        column: x => x.UserId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NoteDrafts_ChildId",
                table: "NoteDrafts",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_NoteDrafts_UserId_ChildId",
                table: "NoteDrafts",
                columns: new[] { "UserId", "ChildId" },
                unique: true);
        }
    }
}
