using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildrenServices.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H4Worklists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Attendees",
                table: "ClaReviews",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CarePlanEndorsed",
                table: "ClaReviews",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildViews",
                table: "ClaReviews",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentViews",
                table: "ClaReviews",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Urgent",
                table: "ApprovalRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ClaReviewRecommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowedUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaReviewRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaReviewRecommendations_ClaReviews_ClaReviewId",
                        column: x => x.ClaReviewId,
                        principalTable: "ClaReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewingOfficerAllocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AllocatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewingOfficerAllocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewingOfficerAllocations_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewingOfficerAllocations_StaffMembers_AllocatedById",
                        column: x => x.AllocatedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewingOfficerAllocations_StaffMembers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClaReviewRecommendations_ClaReviewId",
                table: "ClaReviewRecommendations",
                column: "ClaReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewingOfficerAllocations_AllocatedById",
                table: "ReviewingOfficerAllocations",
                column: "AllocatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewingOfficerAllocations_ChildId_EndedOn",
                table: "ReviewingOfficerAllocations",
                columns: new[] { "ChildId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewingOfficerAllocations_OfficerId_EndedOn",
                table: "ReviewingOfficerAllocations",
                columns: new[] { "OfficerId", "EndedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaReviewRecommendations");

            migrationBuilder.DropTable(
                name: "ReviewingOfficerAllocations");

            migrationBuilder.DropColumn(
                name: "Attendees",
                table: "ClaReviews");

            migrationBuilder.DropColumn(
                name: "CarePlanEndorsed",
                table: "ClaReviews");

            migrationBuilder.DropColumn(
                name: "ChildViews",
                table: "ClaReviews");

            migrationBuilder.DropColumn(
                name: "ParentViews",
                table: "ClaReviews");

            migrationBuilder.DropColumn(
                name: "Urgent",
                table: "ApprovalRequests");
        }
    }
}
