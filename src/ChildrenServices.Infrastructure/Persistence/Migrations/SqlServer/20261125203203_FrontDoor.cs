using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildrenServices.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FrontDoor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Route = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecisionDueAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Consent = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ConsentOverrideReason = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    Urgency = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AssignedToId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReportedAdults = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    MashOutcome = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    MashRag = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    MashOutcomeAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Concerns = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    LivedExperience = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    WorkingWell = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    Worries = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    ConsultationAdvice = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    ConsultationBestPlaced = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ConsultationDiscussion = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    ConsultationFollowUp = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    ConsultationFollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsultationRecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ConsultationRecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReferrerAgency = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReferrerEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ReferrerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ReferrerPhone = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ReferrerRole = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReferralSourceCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_StaffMembers_AssignedToId",
                        column: x => x.AssignedToId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contacts_StaffMembers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Urgent = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_StaffMembers_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OnlineRequestDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Answers = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnlineRequestDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContactAgreedActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ContactId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactAgreedActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactAgreedActions_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContactId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Rationale = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    ReferralSourceCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    PrimaryNeedCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CorrectionReason = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    DecidedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WithinTimescale = table.Column<bool>(type: "bit", nullable: false),
                    SupersedesId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SupersededById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SignOff = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SignedOffById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SignedOffAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SignOffComment = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactDecisions_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactDecisions_StaffMembers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactDecisions_StaffMembers_SignedOffById",
                        column: x => x.SignedOffById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactDecisions_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactPeople",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactPeople", x => new { x.ContactId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_ContactPeople_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactPeople_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactReportedChildren",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContactId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GivenName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    AgeOrOtherDetails = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    School = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    MatchedPersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactReportedChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactReportedChildren_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactReportedChildren_People_MatchedPersonId",
                        column: x => x.MatchedPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContactId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpRequests_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpRequests_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MashChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContactId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Agency = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AgencyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Question = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RequestedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Response = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    Rag = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    RespondedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResponseRecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MashChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MashChecks_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MashChecks_StaffMembers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MashChecks_StaffMembers_ResponseRecordedById",
                        column: x => x.ResponseRecordedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContactId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReferralDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SourceCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    PrimaryNeedCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ImmediateStrategyDiscussion = table.Column<bool>(type: "bit", nullable: false),
                    IsReReferral = table.Column<bool>(type: "bit", nullable: false),
                    PreviousReferralId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AssessmentDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    WithdrawnReason = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Referrals_PreviousReferralId",
                        column: x => x.PreviousReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpRequestChildren",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpRequestChildren", x => new { x.RequestId, x.ChildId });
                    table.ForeignKey(
                        name: "FK_EarlyHelpRequestChildren_EarlyHelpRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "EarlyHelpRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EarlyHelpRequestChildren_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContactAgreedActions_ContactId",
                table: "ContactAgreedActions",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactDecisions_ContactId",
                table: "ContactDecisions",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactDecisions_DecidedById",
                table: "ContactDecisions",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_ContactDecisions_Outcome_DecidedAtUtc",
                table: "ContactDecisions",
                columns: new[] { "Outcome", "DecidedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactDecisions_SignedOffById",
                table: "ContactDecisions",
                column: "SignedOffById");

            migrationBuilder.CreateIndex(
                name: "IX_ContactDecisions_TeamId",
                table: "ContactDecisions",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPeople_PersonId",
                table: "ContactPeople",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactReportedChildren_ContactId",
                table: "ContactReportedChildren",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactReportedChildren_MatchedPersonId",
                table: "ContactReportedChildren",
                column: "MatchedPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_AssignedToId",
                table: "Contacts",
                column: "AssignedToId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ReceivedAtUtc",
                table: "Contacts",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_RecordedById",
                table: "Contacts",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Reference",
                table: "Contacts",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Status_DecisionDueAtUtc",
                table: "Contacts",
                columns: new[] { "Status", "DecisionDueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpRequestChildren_ChildId",
                table: "EarlyHelpRequestChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpRequests_ContactId",
                table: "EarlyHelpRequests",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpRequests_TeamId_Status",
                table: "EarlyHelpRequests",
                columns: new[] { "TeamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MashChecks_ContactId",
                table: "MashChecks",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_MashChecks_RequestedById",
                table: "MashChecks",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_MashChecks_RespondedAtUtc_DueAtUtc",
                table: "MashChecks",
                columns: new[] { "RespondedAtUtc", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MashChecks_ResponseRecordedById",
                table: "MashChecks",
                column: "ResponseRecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientId_ReadAtUtc",
                table: "Notifications",
                columns: new[] { "RecipientId", "ReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OnlineRequestDrafts_ExpiresAtUtc",
                table: "OnlineRequestDrafts",
                column: "ExpiresAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ChildId_ReferralDate",
                table: "Referrals",
                columns: new[] { "ChildId", "ReferralDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ContactId",
                table: "Referrals",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_PreviousReferralId",
                table: "Referrals",
                column: "PreviousReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TeamId_Status",
                table: "Referrals",
                columns: new[] { "TeamId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactAgreedActions");

            migrationBuilder.DropTable(
                name: "ContactDecisions");

            migrationBuilder.DropTable(
                name: "ContactPeople");

            migrationBuilder.DropTable(
                name: "ContactReportedChildren");

            migrationBuilder.DropTable(
                name: "EarlyHelpRequestChildren");

            migrationBuilder.DropTable(
                name: "MashChecks");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OnlineRequestDrafts");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "EarlyHelpRequests");

            migrationBuilder.DropTable(
                name: "Contacts");
        }
    }
}
