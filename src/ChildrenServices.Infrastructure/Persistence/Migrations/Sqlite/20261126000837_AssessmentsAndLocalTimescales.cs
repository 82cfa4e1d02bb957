using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildrenServices.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssessmentsAndLocalTimescales : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AssessmentId",
                table: "ApprovalRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChildAndFamilyAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Analysis = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    FactorCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    LateReason = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AuthorisedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AuthorisedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReturnedReason = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildAndFamilyAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildAndFamilyAssessments_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildAndFamilyAssessments_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildAndFamilyAssessments_StaffMembers_AuthorisedById",
                        column: x => x.AuthorisedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildAndFamilyAssessments_StaffMembers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TimescaleSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StrategyDiscussionWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Section47EnquiryWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstCoreGroupWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildProtectionVisitWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildInNeedFirstReviewWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildInNeedReviewWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildInNeedVisitWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AmberWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimescaleSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentChildSeen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Alone = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentChildSeen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentChildSeen_ChildAndFamilyAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ChildAndFamilyAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_AssessmentId",
                table: "ApprovalRequests",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentChildSeen_AssessmentId",
                table: "AssessmentChildSeen",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildAndFamilyAssessments_AuthorisedById",
                table: "ChildAndFamilyAssessments",
                column: "AuthorisedById");

            migrationBuilder.CreateIndex(
                name: "IX_ChildAndFamilyAssessments_ChildId",
                table: "ChildAndFamilyAssessments",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildAndFamilyAssessments_ReferralId_Status",
                table: "ChildAndFamilyAssessments",
                columns: new[] { "ReferralId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildAndFamilyAssessments_WorkerId_Status",
                table: "ChildAndFamilyAssessments",
                columns: new[] { "WorkerId", "Status" });

            migrationBuilder.AddForeignKey(
                name: "FK_ApprovalRequests_ChildAndFamilyAssessments_AssessmentId",
                table: "ApprovalRequests",
                column: "AssessmentId",
                principalTable: "ChildAndFamilyAssessments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ApprovalRequests_ChildAndFamilyAssessments_AssessmentId",
                table: "ApprovalRequests");

            migrationBuilder.DropTable(
                name: "AssessmentChildSeen");

            migrationBuilder.DropTable(
                name: "TimescaleSettings");

            migrationBuilder.DropTable(
                name: "ChildAndFamilyAssessments");

            migrationBuilder.DropIndex(
                name: "IX_ApprovalRequests_AssessmentId",
                table: "ApprovalRequests");

            migrationBuilder.DropColumn(
                name: "AssessmentId",
                table: "ApprovalRequests");
        }
    }
}
