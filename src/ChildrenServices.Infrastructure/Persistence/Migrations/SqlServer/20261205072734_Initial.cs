using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildrenServices.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "bit", nullable: false),
                    TemporaryPasswordExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastAuthenticatorStep = table.Column<long>(type: "bigint", nullable: true),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    PasswordHash = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    SecurityStamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PhoneNumber = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "bit", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "bit", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Action = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Changes = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CorrelationId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseWeightSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Assessment = table.Column<int>(type: "int", nullable: false),
                    ChildInNeed = table.Column<int>(type: "int", nullable: false),
                    ChildProtection = table.Column<int>(type: "int", nullable: false),
                    LookedAfter = table.Column<int>(type: "int", nullable: false),
                    EarlyHelpFamily = table.Column<int>(type: "int", nullable: false),
                    Other = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseWeightSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedChildStates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Destination = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LaChildId = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Episodes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AcceptedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Purged = table.Column<bool>(type: "bit", nullable: false),
                    NameHeld = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedChildStates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedRunLeases",
                columns: table => new
                {
                    Destination = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    HolderRunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedRunLeases", x => x.Destination);
                });

            migrationBuilder.CreateTable(
                name: "FeedSends",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Destination = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Children = table.Column<int>(type: "int", nullable: false),
                    Purges = table.Column<int>(type: "int", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: true),
                    Receipt = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Detail = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedSends", x => x.Id);
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
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LocalIdentifierSequence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Next = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalIdentifierSequence", x => x.Id);
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
                name: "People",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    LocalId = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    GivenNames = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedDateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    DateOfDeath = table.Column<DateOnly>(type: "date", nullable: true),
                    DateOfBirthNotKnownReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ApproximateDateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    EthnicityCode = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: true),
                    DisabilityCodes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    FirstLanguage = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    InterpreterRequired = table.Column<bool>(type: "bit", nullable: false),
                    NhsNumber = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    UniquePupilNumber = table.Column<string>(type: "nvarchar(13)", maxLength: 13, nullable: true),
                    UpnUnknownReason = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    Uasc = table.Column<bool>(type: "bit", nullable: false),
                    UascFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    UascCeasedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsMother = table.Column<bool>(type: "bit", nullable: true),
                    FirstChildBornOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Restriction = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    RestrictedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RestrictionReviewDue = table.Column<DateOnly>(type: "date", nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
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
                name: "ReadingReasons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    GivenAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadingReasons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReturnSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LaNumber = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    OnsCode = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    SoftwareName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInFailureCounts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    FirstFailureUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LockedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInFailureCounts", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "TimelinessFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    SourceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Reference = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    CountedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    Happened = table.Column<DateOnly>(type: "date", nullable: false),
                    InTime = table.Column<bool>(type: "bit", nullable: false),
                    LateBy = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    WorkingDays = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelinessFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimelinessRefresh",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    RefreshedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RebuiltAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Fingerprint = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelinessRefresh", x => x.Id);
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
                name: "UsedLogoutTokens",
                columns: table => new
                {
                    Jti = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    KeptUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedLogoutTokens", x => x.Jti);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProviderKey = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Value = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignInSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastSeenAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Client = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ProviderSessionId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ProviderSubject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndReason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true)
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
                name: "StaffMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    JobTitle = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    IsDisabled = table.Column<bool>(type: "bit", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMembers_AspNetUsers_Id",
                        column: x => x.Id,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Addresses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Line1 = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Line2 = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Town = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Postcode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Addresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Addresses_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdMembers_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HouseholdMembers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
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
                    EndRecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    EndRecordedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HomePostcode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    PreviousPermanenceOption = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    PreviousPermanenceLocalAuthority = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    PermanenceOrderYear = table.Column<int>(type: "int", nullable: true),
                    PermanenceOrderMonth = table.Column<int>(type: "int", nullable: true),
                    PermanenceOrderDay = table.Column<int>(type: "int", nullable: true),
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
                name: "PersonNames",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    GivenNames = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UsedUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    SearchText = table.Column<string>(type: "nvarchar(201)", maxLength: 201, nullable: false),
                    GivenKey = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: true),
                    FamilyKey = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: true),
                    FamilyLastKey = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNames", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonNames_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Relationships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RelatedPersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    HasParentalResponsibility = table.Column<bool>(type: "bit", nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Relationships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Relationships_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Relationships_People_RelatedPersonId",
                        column: x => x.RelatedPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RestrictionGrants",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RestrictionGrants", x => new { x.PersonId, x.UserId });
                    table.ForeignKey(
                        name: "FK_RestrictionGrants_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
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

            migrationBuilder.CreateTable(
                name: "CaseNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OccurredAt = table.Column<TimeOnly>(type: "time", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 50000, nullable: false),
                    WhoWasSeen = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ChildSeen = table.Column<bool>(type: "bit", nullable: false),
                    ChildSeenAlone = table.Column<bool>(type: "bit", nullable: false),
                    Significant = table.Column<bool>(type: "bit", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseNotes_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseNotes_StaffMembers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "Corrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Record = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CorrectedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AsManager = table.Column<bool>(type: "bit", nullable: false),
                    CorrectedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Corrections_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Corrections_StaffMembers_CorrectedById",
                        column: x => x.CorrectedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ManagerId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CaseloadCapacityPerWorker = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Teams_StaffMembers_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "StaffMembers",
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
                    RecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonForNewEpisode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    LegalStatus = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    CategoryOfNeed = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonCeased = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    ReasonForPlacementChange = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: true),
                    ApprovalCompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PlacementApproval = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Carer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PlacementIntendedLongTerm = table.Column<bool>(type: "bit", nullable: false),
                    PlacementPostcode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    PlacementProvider = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    PlacementType = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    PlacementUrn = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true)
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
                    RecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ParticipationCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    ReviewingOfficerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Attendees = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    ChildViews = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    ParentViews = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    CarePlanEndorsed = table.Column<bool>(type: "bit", nullable: true)
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
                    RecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: true),
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
                name: "DeprivationOfLibertyOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PeriodOfCareId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeprivationOfLibertyOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeprivationOfLibertyOrders_PeriodsOfCare_PeriodOfCareId",
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
                name: "NoteAddenda",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseNoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    RecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoteAddenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoteAddenda_CaseNotes_CaseNoteId",
                        column: x => x.CaseNoteId,
                        principalTable: "CaseNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NoteAddenda_StaffMembers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "Allocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AllocatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LeadReason = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Allocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Allocations_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Allocations_StaffMembers_AllocatedById",
                        column: x => x.AllocatedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Allocations_StaffMembers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Allocations_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContactId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReferralDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SourceCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    PrimaryNeedCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    FirstPrimaryNeedCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    NoFurtherAction = table.Column<bool>(type: "bit", nullable: false),
                    NoFurtherActionRationale = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    NoFurtherActionById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ImmediateStrategyDiscussion = table.Column<bool>(type: "bit", nullable: false),
                    IsReReferral = table.Column<bool>(type: "bit", nullable: false),
                    PreviousReferralId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AssessmentDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    WithdrawnReason = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosureReasonCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
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
                        name: "FK_Referrals_StaffMembers_NoFurtherActionById",
                        column: x => x.NoFurtherActionById,
                        principalTable: "StaffMembers",
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
                name: "TeamMembers",
                columns: table => new
                {
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMembers", x => new { x.TeamId, x.UserId });
                    table.ForeignKey(
                        name: "FK_TeamMembers_StaffMembers_UserId",
                        column: x => x.UserId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TeamMembers_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaReviewRecommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PeriodOfCareId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
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
                name: "CaseTransferChildren",
                columns: table => new
                {
                    TransferId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IsPending = table.Column<bool>(type: "bit", nullable: false)
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
                name: "PreProceedings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Rationale = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    StartedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LetterSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FgdmOffered = table.Column<bool>(type: "bit", nullable: true),
                    FgdmNotOfferedReason = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    FgdmAccepted = table.Column<bool>(type: "bit", nullable: true),
                    FgdmHeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FamilyProposal = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    FgdmNotHeldReason = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    DecisionRationale = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    DecidedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CourtApplicationOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CourtLetterSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreProceedings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreProceedings_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PreProceedings_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PreProceedings_StaffMembers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PreProceedings_StaffMembers_StartedById",
                        column: x => x.StartedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferralPrimaryNeedRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FromCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    ToCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    RevisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RevisedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralPrimaryNeedRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralPrimaryNeedRevisions_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReferralPrimaryNeedRevisions_StaffMembers_RevisedById",
                        column: x => x.RevisedById,
                        principalTable: "StaffMembers",
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
                name: "ApprovalRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Urgent = table.Column<bool>(type: "bit", nullable: false),
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Reasons = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    RequestedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DecidedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Rationale = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    AssessmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClosureReasonCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_ChildAndFamilyAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ChildAndFamilyAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_EarlyHelpEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "EarlyHelpEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_StaffMembers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_StaffMembers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
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
                    Summary = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    RecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: true)
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
                    RecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: true),
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
                    EnquiryId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    TransferredFrom = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    TransferInChairId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InitialCategory = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    PreviousPlansElsewhere = table.Column<int>(type: "int", nullable: false),
                    LatestCategory = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "nvarchar(max)", maxLength: 10100, nullable: true),
                    EndedBy = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
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
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_StaffMembers_TransferInChairId",
                        column: x => x.TransferInChairId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PreProceedingsMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PreProceedingsId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreProceedingsMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreProceedingsMeetings_PreProceedings_PreProceedingsId",
                        column: x => x.PreProceedingsId,
                        principalTable: "PreProceedings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "ApprovalRequestChildren",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Waiting = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalRequestChildren", x => new { x.RequestId, x.ChildId });
                    table.ForeignKey(
                        name: "FK_ApprovalRequestChildren_ApprovalRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ApprovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApprovalRequestChildren_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                    Category = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    Decision = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    ChairId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: true)
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
                    RecordedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: true),
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

            migrationBuilder.CreateTable(
                name: "FamilyPlanActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
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
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
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

            migrationBuilder.InsertData(
                table: "LocalIdentifierSequence",
                columns: new[] { "Id", "Next" },
                values: new object[] { 1, 100001L });

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_PersonId",
                table: "Addresses",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_Postcode",
                table: "Addresses",
                column: "Postcode");

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_AllocatedById",
                table: "Allocations",
                column: "AllocatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_ChildId_EndedOn",
                table: "Allocations",
                columns: new[] { "ChildId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_TeamId_Role_ChildId",
                table: "Allocations",
                columns: new[] { "TeamId", "Role", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_WorkerId_EndedOn",
                table: "Allocations",
                columns: new[] { "WorkerId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "UX_Allocations_OneLeadPerChild",
                table: "Allocations",
                column: "ChildId",
                unique: true,
                filter: "[EndedOn] IS NULL AND [Role] = 'Lead'");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequestChildren_ChildId",
                table: "ApprovalRequestChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "UX_ApprovalRequestChildren_OneWaitingPerChild",
                table: "ApprovalRequestChildren",
                columns: new[] { "ChildId", "Waiting" },
                unique: true,
                filter: "[Waiting] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_AssessmentId",
                table: "ApprovalRequests",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_DecidedById",
                table: "ApprovalRequests",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_RequestedById",
                table: "ApprovalRequests",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_TeamId_Status",
                table: "ApprovalRequests",
                columns: new[] { "TeamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "UX_ApprovalRequests_OnePendingStepUpPerEpisode",
                table: "ApprovalRequests",
                column: "EpisodeId",
                unique: true,
                filter: "[Kind] = 'StepUp' AND [Status] = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true,
                filter: "[NormalizedName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true,
                filter: "[NormalizedUserName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentChildSeen_AssessmentId",
                table: "AssessmentChildSeen",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PersonId_OccurredAtUtc",
                table: "AuditEntries",
                columns: new[] { "PersonId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId_Action_OccurredAtUtc",
                table: "AuditEntries",
                columns: new[] { "UserId", "Action", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CareEpisodes_PeriodOfCareId_StartedOn",
                table: "CareEpisodes",
                columns: new[] { "PeriodOfCareId", "StartedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseNotes_ChildId_OccurredOn",
                table: "CaseNotes",
                columns: new[] { "ChildId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseNotes_ChildId_Significant",
                table: "CaseNotes",
                columns: new[] { "ChildId", "Significant" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseNotes_RecordedById",
                table: "CaseNotes",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransferChildren_ChildId",
                table: "CaseTransferChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "UX_CaseTransferChildren_OnePendingPerChild",
                table: "CaseTransferChildren",
                column: "ChildId",
                unique: true,
                filter: "[IsPending] = 1");

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
                name: "UX_ChildInNeedPlans_OneOpenPerChild",
                table: "ChildInNeedPlans",
                column: "ChildId",
                unique: true,
                filter: "[EndedOn] IS NULL");

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
                name: "IX_ChildProtectionPlans_TransferInChairId",
                table: "ChildProtectionPlans",
                column: "TransferInChairId");

            migrationBuilder.CreateIndex(
                name: "UX_ChildProtectionPlans_OneOpenPerChild",
                table: "ChildProtectionPlans",
                column: "ChildId",
                unique: true,
                filter: "[EndedOn] IS NULL");

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
                name: "IX_ClaReviewRecommendations_ClaReviewId",
                table: "ClaReviewRecommendations",
                column: "ClaReviewId");

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
                name: "IX_Corrections_ChildId",
                table: "Corrections",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Corrections_CorrectedById",
                table: "Corrections",
                column: "CorrectedById");

            migrationBuilder.CreateIndex(
                name: "IX_Corrections_RecordId",
                table: "Corrections",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_DeprivationOfLibertyOrders_PeriodOfCareId_StartedOn",
                table: "DeprivationOfLibertyOrders",
                columns: new[] { "PeriodOfCareId", "StartedOn" });

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
                name: "IX_FeedChildStates_Destination_ChildId",
                table: "FeedChildStates",
                columns: new[] { "Destination", "ChildId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedSends_StartedAtUtc",
                table: "FeedSends",
                column: "StartedAtUtc");

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
                name: "IX_HouseholdMembers_HouseholdId",
                table: "HouseholdMembers",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMembers_PersonId",
                table: "HouseholdMembers",
                column: "PersonId");

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
                name: "IX_MissingEpisodes_PeriodOfCareId_StartedOn",
                table: "MissingEpisodes",
                columns: new[] { "PeriodOfCareId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_NoteAddenda_CaseNoteId",
                table: "NoteAddenda",
                column: "CaseNoteId");

            migrationBuilder.CreateIndex(
                name: "IX_NoteAddenda_RecordedById",
                table: "NoteAddenda",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientId_ReadAtUtc",
                table: "Notifications",
                columns: new[] { "RecipientId", "ReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OnlineRequestDrafts_ExpiresAtUtc",
                table: "OnlineRequestDrafts",
                column: "ExpiresAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_People_CreatedAtUtc",
                table: "People",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_People_DateOfBirth",
                table: "People",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_People_FamilyName_GivenNames",
                table: "People",
                columns: new[] { "FamilyName", "GivenNames" });

            migrationBuilder.CreateIndex(
                name: "IX_People_LocalId",
                table: "People",
                column: "LocalId",
                unique: true,
                filter: "[LocalId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_MergedIntoId",
                table: "People",
                column: "MergedIntoId",
                filter: "[MergedIntoId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_NhsNumber",
                table: "People",
                column: "NhsNumber");

            migrationBuilder.CreateIndex(
                name: "IX_People_Restriction",
                table: "People",
                column: "Restriction");

            migrationBuilder.CreateIndex(
                name: "IX_People_UniquePupilNumber",
                table: "People",
                column: "UniquePupilNumber");

            migrationBuilder.CreateIndex(
                name: "IX_PeriodsOfCare_ChildId_StartedOn",
                table: "PeriodsOfCare",
                columns: new[] { "ChildId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "UX_PeriodsOfCare_OneOpenPerChild",
                table: "PeriodsOfCare",
                column: "ChildId",
                unique: true,
                filter: "[EndedOn] IS NULL");

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
                name: "IX_PersonNames_GivenKey_FamilyKey",
                table: "PersonNames",
                columns: new[] { "GivenKey", "FamilyKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNames_GivenKey_FamilyLastKey",
                table: "PersonNames",
                columns: new[] { "GivenKey", "FamilyLastKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNames_PersonId",
                table: "PersonNames",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonNames_SearchText",
                table: "PersonNames",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_PreProceedings_DecidedById",
                table: "PreProceedings",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_PreProceedings_ReferralId",
                table: "PreProceedings",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_PreProceedings_StartedById",
                table: "PreProceedings",
                column: "StartedById");

            migrationBuilder.CreateIndex(
                name: "UX_PreProceedings_OneOpenPerChild",
                table: "PreProceedings",
                column: "ChildId",
                unique: true,
                filter: "[DecidedOn] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PreProceedingsMeetings_PreProceedingsId_HeldOn",
                table: "PreProceedingsMeetings",
                columns: new[] { "PreProceedingsId", "HeldOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReadingReasons_PersonId_GivenAtUtc",
                table: "ReadingReasons",
                columns: new[] { "PersonId", "GivenAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReadingReasons_UserId_PersonId_ExpiresAtUtc",
                table: "ReadingReasons",
                columns: new[] { "UserId", "PersonId", "ExpiresAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralPrimaryNeedRevisions_ReferralId",
                table: "ReferralPrimaryNeedRevisions",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralPrimaryNeedRevisions_RevisedById",
                table: "ReferralPrimaryNeedRevisions",
                column: "RevisedById");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ChildId_ReferralDate",
                table: "Referrals",
                columns: new[] { "ChildId", "ReferralDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ContactId",
                table: "Referrals",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_NoFurtherActionById",
                table: "Referrals",
                column: "NoFurtherActionById");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_PreviousReferralId",
                table: "Referrals",
                column: "PreviousReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferralDate",
                table: "Referrals",
                column: "ReferralDate");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TeamId_Status",
                table: "Referrals",
                columns: new[] { "TeamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "UX_Referrals_OneOpenPerChild",
                table: "Referrals",
                column: "ChildId",
                unique: true,
                filter: "[Status] = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_PersonId",
                table: "Relationships",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_RelatedPersonId",
                table: "Relationships",
                column: "RelatedPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RestrictionGrants_UserId",
                table: "RestrictionGrants",
                column: "UserId");

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
                name: "IX_SignInFailureCounts_FirstFailureUtc",
                table: "SignInFailureCounts",
                column: "FirstFailureUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_ProviderSessionId",
                table: "SignInSessions",
                column: "ProviderSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_ProviderSubject",
                table: "SignInSessions",
                column: "ProviderSubject");

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_UserId",
                table: "SignInSessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_Email",
                table: "StaffMembers",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_RegistrationNumber",
                table: "StaffMembers",
                column: "RegistrationNumber",
                unique: true,
                filter: "[RegistrationNumber] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TafGoalProgress_GoalId",
                table: "TafGoalProgress",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_TafReviews_PlanId",
                table: "TafReviews",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_UserId",
                table: "TeamMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_ManagerId",
                table: "Teams",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_Name",
                table: "Teams",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimelinessFacts_ChildId_CountedOn_Key_InTime",
                table: "TimelinessFacts",
                columns: new[] { "ChildId", "CountedOn", "Key", "InTime" });

            migrationBuilder.CreateIndex(
                name: "IX_TimelinessFacts_CountedOn_Key_InTime",
                table: "TimelinessFacts",
                columns: new[] { "CountedOn", "Key", "InTime" });

            migrationBuilder.CreateIndex(
                name: "IX_TimelinessFacts_Key_CountedOn_InTime",
                table: "TimelinessFacts",
                columns: new[] { "Key", "CountedOn", "InTime" });

            migrationBuilder.CreateIndex(
                name: "IX_TimelinessFacts_SourceId",
                table: "TimelinessFacts",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_UsedLogoutTokens_KeptUntilUtc",
                table: "UsedLogoutTokens",
                column: "KeptUntilUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Addresses");

            migrationBuilder.DropTable(
                name: "Allocations");

            migrationBuilder.DropTable(
                name: "ApprovalRequestChildren");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AssessmentChildSeen");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CareEpisodes");

            migrationBuilder.DropTable(
                name: "CaseTransferChildren");

            migrationBuilder.DropTable(
                name: "CaseWeightSettings");

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
                name: "ClaReviewRecommendations");

            migrationBuilder.DropTable(
                name: "ClaVisits");

            migrationBuilder.DropTable(
                name: "ContactAgreedActions");

            migrationBuilder.DropTable(
                name: "ContactDecisions");

            migrationBuilder.DropTable(
                name: "ContactPeople");

            migrationBuilder.DropTable(
                name: "ContactReportedChildren");

            migrationBuilder.DropTable(
                name: "Corrections");

            migrationBuilder.DropTable(
                name: "DeprivationOfLibertyOrders");

            migrationBuilder.DropTable(
                name: "EarlyHelpChildVoices");

            migrationBuilder.DropTable(
                name: "EarlyHelpEpisodeChildren");

            migrationBuilder.DropTable(
                name: "EarlyHelpRequestChildren");

            migrationBuilder.DropTable(
                name: "FamilyPlanActions");

            migrationBuilder.DropTable(
                name: "FeedChildStates");

            migrationBuilder.DropTable(
                name: "FeedRunLeases");

            migrationBuilder.DropTable(
                name: "FeedSends");

            migrationBuilder.DropTable(
                name: "FormDrafts");

            migrationBuilder.DropTable(
                name: "FormSubmissions");

            migrationBuilder.DropTable(
                name: "HouseholdMembers");

            migrationBuilder.DropTable(
                name: "LocalIdentifierSequence");

            migrationBuilder.DropTable(
                name: "MashChecks");

            migrationBuilder.DropTable(
                name: "MissingEpisodes");

            migrationBuilder.DropTable(
                name: "NoteAddenda");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OnlineRequestDrafts");

            migrationBuilder.DropTable(
                name: "PersonMergeMovedRows");

            migrationBuilder.DropTable(
                name: "PersonNames");

            migrationBuilder.DropTable(
                name: "PreProceedingsMeetings");

            migrationBuilder.DropTable(
                name: "ReadingReasons");

            migrationBuilder.DropTable(
                name: "ReferralPrimaryNeedRevisions");

            migrationBuilder.DropTable(
                name: "Relationships");

            migrationBuilder.DropTable(
                name: "RestrictionGrants");

            migrationBuilder.DropTable(
                name: "ReturnSettings");

            migrationBuilder.DropTable(
                name: "ReviewingOfficerAllocations");

            migrationBuilder.DropTable(
                name: "SignInFailureCounts");

            migrationBuilder.DropTable(
                name: "SignInSessions");

            migrationBuilder.DropTable(
                name: "TafGoalProgress");

            migrationBuilder.DropTable(
                name: "TeamMembers");

            migrationBuilder.DropTable(
                name: "TimelinessFacts");

            migrationBuilder.DropTable(
                name: "TimelinessRefresh");

            migrationBuilder.DropTable(
                name: "TimescaleSettings");

            migrationBuilder.DropTable(
                name: "UsedLogoutTokens");

            migrationBuilder.DropTable(
                name: "ApprovalRequests");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "CaseTransfers");

            migrationBuilder.DropTable(
                name: "ChildInNeedPlans");

            migrationBuilder.DropTable(
                name: "ChildProtectionPlans");

            migrationBuilder.DropTable(
                name: "ClaReviews");

            migrationBuilder.DropTable(
                name: "EarlyHelpAssessments");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropTable(
                name: "CaseNotes");

            migrationBuilder.DropTable(
                name: "PersonMerges");

            migrationBuilder.DropTable(
                name: "PreProceedings");

            migrationBuilder.DropTable(
                name: "FamilyPlanGoals");

            migrationBuilder.DropTable(
                name: "TafReviews");

            migrationBuilder.DropTable(
                name: "ChildAndFamilyAssessments");

            migrationBuilder.DropTable(
                name: "ChildProtectionEnquiries");

            migrationBuilder.DropTable(
                name: "PeriodsOfCare");

            migrationBuilder.DropTable(
                name: "FamilyPlans");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "EarlyHelpEpisodes");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "EarlyHelpRequests");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "Teams");

            migrationBuilder.DropTable(
                name: "StaffMembers");

            migrationBuilder.DropTable(
                name: "AspNetUsers");
        }
    }
}
