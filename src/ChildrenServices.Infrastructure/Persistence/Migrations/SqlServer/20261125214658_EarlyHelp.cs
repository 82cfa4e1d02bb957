using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildrenServices.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EarlyHelp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EarlyHelpEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FamilyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SupportReason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Start = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KeyworkerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    EndSummary = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_EarlyHelpRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "EarlyHelpRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_StaffMembers_KeyworkerId",
                        column: x => x.KeyworkerId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Worries = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    WorkingWell = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    NeedsToHappen = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    Scaling = table.Column<int>(type: "int", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpAssessments_EarlyHelpEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "EarlyHelpEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpEpisodeChildren",
                columns: table => new
                {
                    EpisodeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpEpisodeChildren", x => new { x.EpisodeId, x.ChildId });
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodeChildren_EarlyHelpEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "EarlyHelpEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodeChildren_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyPlans_EarlyHelpEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "EarlyHelpEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpChildVoices",
                columns: table => new
                {
                    AssessmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Voice = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpChildVoices", x => new { x.AssessmentId, x.ChildId });
                    table.ForeignKey(
                        name: "FK_EarlyHelpChildVoices_EarlyHelpAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "EarlyHelpAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EarlyHelpChildVoices_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyPlanGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Baseline = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyPlanGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyPlanGoals_FamilyPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "FamilyPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TafReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Attendees = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TafReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TafReviews_FamilyPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "FamilyPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FamilyPlanActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GoalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyPlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyPlanActions_FamilyPlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "FamilyPlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TafGoalProgress",
                columns: table => new
                {
                    ReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GoalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Score = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TafGoalProgress", x => new { x.ReviewId, x.GoalId });
                    table.ForeignKey(
                        name: "FK_TafGoalProgress_FamilyPlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "FamilyPlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TafGoalProgress_TafReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "TafReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpAssessments_EpisodeId",
                table: "EarlyHelpAssessments",
                column: "EpisodeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpChildVoices_ChildId",
                table: "EarlyHelpChildVoices",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodeChildren_ChildId",
                table: "EarlyHelpEpisodeChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_KeyworkerId_EndedOn",
                table: "EarlyHelpEpisodes",
                columns: new[] { "KeyworkerId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_RequestId",
                table: "EarlyHelpEpisodes",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_TeamId_EndedOn",
                table: "EarlyHelpEpisodes",
                columns: new[] { "TeamId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyPlanActions_GoalId",
                table: "FamilyPlanActions",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyPlanGoals_PlanId",
                table: "FamilyPlanGoals",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyPlans_EpisodeId",
                table: "FamilyPlans",
                column: "EpisodeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TafGoalProgress_GoalId",
                table: "TafGoalProgress",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_TafReviews_PlanId",
                table: "TafReviews",
                column: "PlanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EarlyHelpChildVoices");

            migrationBuilder.DropTable(
                name: "EarlyHelpEpisodeChildren");

            migrationBuilder.DropTable(
                name: "FamilyPlanActions");

            migrationBuilder.DropTable(
                name: "TafGoalProgress");

            migrationBuilder.DropTable(
                name: "EarlyHelpAssessments");

            migrationBuilder.DropTable(
                name: "FamilyPlanGoals");

            migrationBuilder.DropTable(
                name: "TafReviews");

            migrationBuilder.DropTable(
                name: "FamilyPlans");

            migrationBuilder.DropTable(
                name: "EarlyHelpEpisodes");
        }
    }
}
