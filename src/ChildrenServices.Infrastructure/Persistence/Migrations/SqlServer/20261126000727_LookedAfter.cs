using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildrenServices.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LookedAfter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_CareEpisodes_PeriodOfCareId_StartedOn",
                table: "CareEpisodes",
                columns: new[] { "PeriodOfCareId", "StartedOn" },
                unique: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CareEpisodes");

            migrationBuilder.DropTable(
                name: "ClaReviews");

            migrationBuilder.DropTable(
                name: "ClaVisits");

            migrationBuilder.DropTable(
                name: "MissingEpisodes");

            migrationBuilder.DropTable(
                name: "PeriodsOfCare");
        }
    }
}
