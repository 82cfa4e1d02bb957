using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildrenServices.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PilotTeamFirstWeek : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NoteDrafts");

            migrationBuilder.AddColumn<string>(
                name: "FamilyKey",
                table: "PersonNames",
                type: "nvarchar(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FamilyLastKey",
                table: "PersonNames",
                type: "nvarchar(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GivenKey",
                table: "PersonNames",
                type: "nvarchar(4)",
                maxLength: 4,
                nullable: true);

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

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "People",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Attendees",
                table: "ClaReviews",
                type: "nvarchar(max)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CarePlanEndorsed",
                table: "ClaReviews",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildViews",
                table: "ClaReviews",
                type: "nvarchar(max)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentViews",
                table: "ClaReviews",
                type: "nvarchar(max)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Urgent",
                table: "ApprovalRequests",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ClaReviewRecommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClaReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    FollowedUpOn = table.Column<DateOnly>(type: "date", nullable: true)
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
                name: "FormDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Form = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ScopeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Fields = table.Column<string>(type: "nvarchar(max)", maxLength: 400000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "FormSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Path = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ResultLocation = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormSubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MergedId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MergedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    MergedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MergedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UndoneAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UndoneById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UndoneByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewingOfficerAllocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OfficerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AllocatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "SignInSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignInSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonMergeMovedRows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MergeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Table = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Column = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    KeyJson = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonMergeMovedRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonMergeMovedRows_PersonMerges_MergeId",
                        column: x => x.MergeId,
                        principalTable: "PersonMerges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNames_GivenKey_FamilyKey",
                table: "PersonNames",
                columns: new[] { "GivenKey", "FamilyKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNames_GivenKey_FamilyLastKey",
                table: "PersonNames",
                columns: new[] { "GivenKey", "FamilyLastKey" });

            migrationBuilder.CreateIndex(
                name: "IX_People_MergedIntoId",
                table: "People",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaReviewRecommendations_ClaReviewId",
                table: "ClaReviewRecommendations",
                column: "ClaReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_FormDrafts_UserId_Form_SubjectId",
                table: "FormDrafts",
                columns: new[] { "UserId", "Form", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_ReceivedAtUtc",
                table: "FormSubmissions",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PersonMergeMovedRows_MergeId",
                table: "PersonMergeMovedRows",
                column: "MergeId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonMerges_MergedId",
                table: "PersonMerges",
                column: "MergedId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonMerges_SurvivorId",
                table: "PersonMerges",
                column: "SurvivorId");

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

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_UserId",
                table: "SignInSessions",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaReviewRecommendations");

            migrationBuilder.DropTable(
                name: "FormDrafts");

            migrationBuilder.DropTable(
                name: "FormSubmissions");

            migrationBuilder.DropTable(
                name: "PersonMergeMovedRows");

            migrationBuilder.DropTable(
                name: "ReviewingOfficerAllocations");

            migrationBuilder.DropTable(
                name: "SignInSessions");

            migrationBuilder.DropTable(
                name: "PersonMerges");

            migrationBuilder.DropIndex(
                name: "IX_PersonNames_GivenKey_FamilyKey",
                table: "PersonNames");

            migrationBuilder.DropIndex(
                name: "IX_PersonNames_GivenKey_FamilyLastKey",
                table: "PersonNames");

            migrationBuilder.DropIndex(
                name: "IX_People_MergedIntoId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "FamilyKey",
                table: "PersonNames");

            migrationBuilder.DropColumn(
                name: "FamilyLastKey",
                table: "PersonNames");

            migrationBuilder.DropColumn(
                name: "GivenKey",
                table: "PersonNames");

            migrationBuilder.DropColumn(
                name: "ApproximateDateOfBirth",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DateOfBirthNotKnownReason",
                table: "People");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "People");

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

            migrationBuilder.CreateTable(
                name: "NoteDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Fields = table.Column<string>(type: "nvarchar(max)", maxLength: 110000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
