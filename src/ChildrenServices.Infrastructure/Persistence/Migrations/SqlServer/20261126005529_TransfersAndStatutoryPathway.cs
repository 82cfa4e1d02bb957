using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildrenServices.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TransfersAndStatutoryPathway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AssessmentId",
                table: "ApprovalRequests",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReasonCode",
                table: "ApprovalRequests",
                type: "nvarchar(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FromTeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ToTeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HandoverNote = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    RequestedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DecidedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    NewWorkerId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DeclineReason = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_StaffMembers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_StaffMembers_NewWorkerId",
                        column: x => x.NewWorkerId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_StaffMembers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_Teams_FromTeamId",
                        column: x => x.FromTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_Teams_ToTeamId",
                        column: x => x.ToTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChildAndFamilyAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReferralDate = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WorkerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Analysis = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    FactorCodes = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    LateReason = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AuthorisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AuthorisedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReturnedReason = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
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
                name: "ChildInNeedPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildInNeedPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildInNeedPlans_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildInNeedPlans_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionEnquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StrategyHeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Agencies = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    Section47 = table.Column<bool>(type: "bit", nullable: false),
                    Rationale = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    ConferenceTargetOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Section47ConcludedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Findings = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    ConferenceNeeded = table.Column<bool>(type: "bit", nullable: true),
                    ConferenceHeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConferenceOutcome = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    InitialCategory = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    ChairId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionEnquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionEnquiries_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionEnquiries_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionEnquiries_StaffMembers_ChairId",
                        column: x => x.ChairId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeriodsOfCare",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CategoryOfNeed = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonCeased = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodsOfCare", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeriodsOfCare_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TimescaleSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StrategyDiscussionWorkingDays = table.Column<int>(type: "int", nullable: false),
                    Section47EnquiryWorkingDays = table.Column<int>(type: "int", nullable: false),
                    FirstCoreGroupWorkingDays = table.Column<int>(type: "int", nullable: false),
                    ChildProtectionVisitWorkingDays = table.Column<int>(type: "int", nullable: false),
                    ChildInNeedFirstReviewWorkingDays = table.Column<int>(type: "int", nullable: false),
                    ChildInNeedReviewWeeks = table.Column<int>(type: "int", nullable: false),
                    ChildInNeedVisitWorkingDays = table.Column<int>(type: "int", nullable: false),
                    AmberWorkingDays = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimescaleSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseTransferChildren",
                columns: table => new
                {
                    TransferId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTransferChildren", x => new { x.TransferId, x.ChildId });
                    table.ForeignKey(
                        name: "FK_CaseTransferChildren_CaseTransfers_TransferId",
                        column: x => x.TransferId,
                        principalTable: "CaseTransfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseTransferChildren_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentChildSeen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SeenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Alone = table.Column<bool>(type: "bit", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ChildInNeedPlanReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildInNeedPlanReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildInNeedPlanReviews_ChildInNeedPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildInNeedPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildInNeedPlanVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildSeen = table.Column<bool>(type: "bit", nullable: false),
                    SeenAlone = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildInNeedPlanVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildInNeedPlanVisits_ChildInNeedPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildInNeedPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EnquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InitialCategory = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    LatestCategory = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "nvarchar(max)", maxLength: 10100, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_ChildProtectionEnquiries_EnquiryId",
                        column: x => x.EnquiryId,
                        principalTable: "ChildProtectionEnquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PeriodOfCareId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReasonForNewEpisode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    LegalStatus = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    CategoryOfNeed = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonCeased = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    Carer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PlacementIntendedLongTerm = table.Column<bool>(type: "bit", nullable: false),
                    PlacementPostcode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    PlacementProvider = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    PlacementType = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareEpisodes_PeriodsOfCare_PeriodOfCareId",
                        column: x => x.PeriodOfCareId,
                        principalTable: "PeriodsOfCare",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PeriodOfCareId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ParticipationCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    ReviewingOfficerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaReviews_PeriodsOfCare_PeriodOfCareId",
                        column: x => x.PeriodOfCareId,
                        principalTable: "PeriodsOfCare",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClaReviews_StaffMembers_ReviewingOfficerId",
                        column: x => x.ReviewingOfficerId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClaVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PeriodOfCareId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildSeen = table.Column<bool>(type: "bit", nullable: false),
                    SeenAlone = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaVisits_PeriodsOfCare_PeriodOfCareId",
                        column: x => x.PeriodOfCareId,
                        principalTable: "PeriodsOfCare",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MissingEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PeriodOfCareId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnInterviewOffered = table.Column<bool>(type: "bit", nullable: true),
                    ReturnInterviewAccepted = table.Column<bool>(type: "bit", nullable: true),
                    ReturnInterviewHeldOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissingEpisodes_PeriodsOfCare_PeriodOfCareId",
                        column: x => x.PeriodOfCareId,
                        principalTable: "PeriodsOfCare",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionCoreGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionCoreGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionCoreGroups_ChildProtectionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanContinues = table.Column<bool>(type: "bit", nullable: false),
                    Decision = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    ChairId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionReviews_ChildProtectionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChildProtectionReviews_StaffMembers_ChairId",
                        column: x => x.ChairId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildSeen = table.Column<bool>(type: "bit", nullable: false),
                    SeenAlone = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionVisits_ChildProtectionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildProtectionPlans",
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
                name: "IX_CareEpisodes_PeriodOfCareId_StartedOn",
                table: "CareEpisodes",
                columns: new[] { "PeriodOfCareId", "StartedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransferChildren_ChildId",
                table: "CaseTransferChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_DecidedById",
                table: "CaseTransfers",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_FromTeamId_Status",
                table: "CaseTransfers",
                columns: new[] { "FromTeamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_NewWorkerId",
                table: "CaseTransfers",
                column: "NewWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_RequestedById",
                table: "CaseTransfers",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_ToTeamId_Status",
                table: "CaseTransfers",
                columns: new[] { "ToTeamId", "Status" });

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

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedPlanReviews_PlanId",
                table: "ChildInNeedPlanReviews",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedPlans_ChildId_EndedOn",
                table: "ChildInNeedPlans",
                columns: new[] { "ChildId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedPlans_ReferralId",
                table: "ChildInNeedPlans",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedPlanVisits_PlanId",
                table: "ChildInNeedPlanVisits",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionCoreGroups_PlanId",
                table: "ChildProtectionCoreGroups",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionEnquiries_ChairId",
                table: "ChildProtectionEnquiries",
                column: "ChairId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionEnquiries_ChildId",
                table: "ChildProtectionEnquiries",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionEnquiries_ReferralId",
                table: "ChildProtectionEnquiries",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_ChildId_EndedOn",
                table: "ChildProtectionPlans",
                columns: new[] { "ChildId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_EnquiryId",
                table: "ChildProtectionPlans",
                column: "EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_ReferralId",
                table: "ChildProtectionPlans",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionReviews_ChairId",
                table: "ChildProtectionReviews",
                column: "ChairId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionReviews_PlanId",
                table: "ChildProtectionReviews",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionVisits_PlanId",
                table: "ChildProtectionVisits",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaReviews_PeriodOfCareId_HeldOn",
                table: "ClaReviews",
                columns: new[] { "PeriodOfCareId", "HeldOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaReviews_ReviewingOfficerId",
                table: "ClaReviews",
                column: "ReviewingOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaVisits_PeriodOfCareId_VisitedOn",
                table: "ClaVisits",
                columns: new[] { "PeriodOfCareId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_PeriodOfCareId_StartedOn",
                table: "MissingEpisodes",
                columns: new[] { "PeriodOfCareId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PeriodsOfCare_ChildId_StartedOn",
                table: "PeriodsOfCare",
                columns: new[] { "ChildId", "StartedOn" });

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
                name: "CareEpisodes");

            migrationBuilder.DropTable(
                name: "CaseTransferChildren");

            migrationBuilder.DropTable(
                name: "ChildInNeedPlanReviews");

            migrationBuilder.DropTable(
                name: "ChildInNeedPlanVisits");

            migrationBuilder.DropTable(
                name: "ChildProtectionCoreGroups");

            migrationBuilder.DropTable(
                name: "ChildProtectionReviews");

            migrationBuilder.DropTable(
                name: "ChildProtectionVisits");

            migrationBuilder.DropTable(
                name: "ClaReviews");

            migrationBuilder.DropTable(
                name: "ClaVisits");

            migrationBuilder.DropTable(
                name: "MissingEpisodes");

            migrationBuilder.DropTable(
                name: "TimescaleSettings");

            migrationBuilder.DropTable(
                name: "ChildAndFamilyAssessments");

            migrationBuilder.DropTable(
                name: "CaseTransfers");

            migrationBuilder.DropTable(
                name: "ChildInNeedPlans");

            migrationBuilder.DropTable(
                name: "ChildProtectionPlans");

            migrationBuilder.DropTable(
                name: "PeriodsOfCare");

            migrationBuilder.DropTable(
                name: "ChildProtectionEnquiries");

            migrationBuilder.DropIndex(
                name: "IX_ApprovalRequests_AssessmentId",
                table: "ApprovalRequests");

            migrationBuilder.DropColumn(
                name: "AssessmentId",
                table: "ApprovalRequests");

            migrationBuilder.DropColumn(
                name: "ClosureReasonCode",
                table: "ApprovalRequests");
        }
    }
}
