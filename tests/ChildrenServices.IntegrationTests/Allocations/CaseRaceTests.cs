using System.Net;
using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Allocations;

/// <summary>
/// Two requests that both pass the case's rule before either saves (ADR 0019). SQLite lets one writer in at a
/// time (BEGIN IMMEDIATE), so the other request's row is written inside this request's transaction, after its
/// handler has checked and before it saves — what a second request would have committed on SQL Server, where the
/// same races run truly side by side (<see cref="SqlServer.SqlServerTests"/>). The database's unique index
/// refuses the second, and the practitioner is told the rule beside the field, never a 500. Without the index
/// every race test here fails: both rows are saved. One race per index in <c>OneOpen</c>.
/// </summary>
public sealed class CaseRaceTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid first;
    private Guid second;
    private Guid socialWorker;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        first = await CreateUserAsync(Roles.SocialWorker, "Alex First");
        second = await CreateUserAsync(Roles.SocialWorker, "Blair Second");
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        await WithDbAsync(async db =>
        {
            var team = await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam);
            team.AddMember(first);
            team.AddMember(second);
            team.AddMember(socialWorker);
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task TwoLeadAllocations_BothPastTheCheck_TheDatabaseRefusesTheSecond_WithTheRuleOnTheWorkerField()
    {
        var child = await ChildReferredAsync();

        // The other request allocates Alex as lead after this one has loaded the case (no lead yet) and before it saves.
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => WhileRacingAsync(
            AssessmentManager,
            sender => sender.Send(new AllocateWorker.Command { PersonId = child, WorkerId = second, Role = AllocationRole.Lead }).AsTask(),
            racing => racing.Allocations.Add(new Allocation(child, first, AssessmentTeam, AllocationRole.Lead, Today, AssessmentManager))));

        Assert.Equal((ChildCase.Refusals.LeadChanged, "WorkerId"), (refused.Message, refused.Field));
        var leads = await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == child && a.EndedOn == null && a.Role == AllocationRole.Lead).ToListAsync());
        Assert.Empty(leads); // the whole request rolled back, the racing row with it
    }

    [Fact]
    public async Task TwoStepDowns_BothPastTheCheck_TheDatabaseRefusesTheSecond_WithTheRuleOnTheReasonsField()
    {
        var child = await ChildOpenToSocialCareAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => WhileRacingAsync(
            socialWorker,
            sender => sender.Send(new RequestStepDown.Command { PersonId = child, Stage = StepDownStage.EndOfAssessment, Reasons = "Needs can be met by a keyworker." }).AsTask(),
            racing => racing.ApprovalRequests.Add(ApprovalRequest.StepDown(StepDownStage.ChildInNeedPlan, AssessmentTeam, [child], "Asked from another tab.", socialWorker, AppFactory.Now.UtcDateTime))));

        Assert.Equal((ChildCase.Refusals.StepDownPending, "Reasons"), (refused.Message, refused.Field));
        Assert.Equal(0, await WithDbAsync(db => db.ApprovalRequests.CountAsync(a => a.Kind == ApprovalKind.StepDown)));
    }

    [Fact]
    public async Task TwoTransfers_BothPastTheCheck_TheDatabaseRefusesTheSecond_WithTheRuleOnTheTeamField()
    {
        var child = await ChildOpenToSocialCareAsync();
        var north = await NewTeamAsync("Assessment team north", TeamKind.Assessment, first);
        var south = await NewTeamAsync("Assessment team south", TeamKind.Assessment, second);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => WhileRacingAsync(
            AssessmentManager,
            sender => sender.Send(new TransferCase.Command { PersonId = child, ToTeamId = north, HandoverNote = "Family moved to the north of the borough." }).AsTask(),
            racing => racing.CaseTransfers.Add(new CaseTransfer(AssessmentTeam, south, [child], "Asked from another tab.", AssessmentManager, AppFactory.Now.UtcDateTime))));

        Assert.Equal((ChildCase.Refusals.TransferPending, "ToTeamId"), (refused.Message, refused.Field));
        Assert.Equal(0, await WithDbAsync(db => db.CaseTransfers.CountAsync()));
    }

    [Fact]
    public async Task TwoClosureRequests_BothPastTheCheck_TheDatabaseRefusesTheSecond_WithTheRuleOnTheReasonField()
    {
        var child = await ChildOpenToSocialCareAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => WhileRacingAsync(
            socialWorker,
            sender => sender.Send(new RequestCaseClosure.Command { PersonId = child, ReasonCode = "RC7", Reasons = "The family no longer need services." }).AsTask(),
            racing => racing.ApprovalRequests.Add(ApprovalRequest.CaseClosure(AssessmentTeam, child, "RC7", "Asked from another tab.", socialWorker, AppFactory.Now.UtcDateTime))));

        Assert.Equal((ChildCase.Refusals.ClosurePending, "ReasonCode"), (refused.Message, refused.Field));
        Assert.Equal(0, await WithDbAsync(db => db.ApprovalRequests.CountAsync(a => a.Kind == ApprovalKind.CaseClosure)));
    }

    [Fact]
    public async Task TwoStepUps_BothPastTheCheck_TheDatabaseRefusesTheSecond_WithTheRuleOnTheReasonsField()
    {
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
        var (contactId, child) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.EarlyHelp, rationale: "Family agree to early help.");
        var requestId = await WithDbAsync(db => db.EarlyHelpRequests.Select(r => r.Id).SingleAsync());
        var episode = await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => WhileRacingAsync(
            keyworker,
            sender => sender.Send(new RequestStepUp.Command { EpisodeId = episode, Reasons = "Neglect is getting worse despite the plan.", Urgent = false }).AsTask(),
            racing => racing.ApprovalRequests.Add(new ApprovalRequest(ApprovalKind.StepUp, EarlyHelpTeam, episode, [child], "Asked from another tab.", keyworker, AppFactory.Now.UtcDateTime))));

        Assert.Equal((ChildCase.Refusals.StepUpPending, "Reasons"), (refused.Message, refused.Field));
        Assert.Equal(0, await WithDbAsync(db => db.ApprovalRequests.CountAsync(a => a.Kind == ApprovalKind.StepUp)));
    }

    [Fact]
    public async Task TwoChildInNeedPlans_BothPastTheCheck_TheDatabaseRefusesTheSecond_WithTheRuleOnTheStartDate()
    {
        var child = await ChildOpenToSocialCareAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => WhileRacingAsync(
            socialWorker,
            sender => sender.Send(new StartChildInNeedPlan.Command { PersonId = child, StartedOn = Today }).AsTask(),
            racing => racing.ChildInNeedPlans.Add(new ChildInNeedPlan(racing.Referrals.Single(r => r.ChildId == child), Today, Today))));

        Assert.Equal(("The child already has an open child in need plan", "StartedOn"), (refused.Message, refused.Field));
        Assert.Equal(0, await WithDbAsync(db => db.ChildInNeedPlans.CountAsync(p => p.ChildId == child)));
    }

    [Fact]
    public async Task TwoChildProtectionPlans_BothPastTheCheck_TheDatabaseRefusesTheSecond_WithTheRuleOnTheOutcome()
    {
        var reviewingOfficer = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        var child = await ChildOpenToSocialCareAsync();
        var enquiry = await SendAsUserAsync(socialWorker, new RecordStrategyDiscussion.Command { PersonId = child, HeldOn = Today, Agencies = "Police, school nurse", Section47 = true, Rationale = "Bruise to the cheek." });
        await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = child, EnquiryId = enquiry, Version = await EnquiryVersionAsync(enquiry), ConcludedOn = Today, Findings = "Neglect.", ConferenceNeeded = true });
        var version = await EnquiryVersionAsync(enquiry);

        // The other request's plan comes from the same conference, recorded in its own (untracked) copy of the enquiry.
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => WhileRacingAsync(
            reviewingOfficer,
            sender => sender.Send(new RecordInitialConference.Command { PersonId = child, EnquiryId = enquiry, Version = version, HeldOn = Today, Outcome = ConferenceOutcome.ChildProtectionPlan, InitialCategory = "NEG" }).AsTask(),
            racing =>
            {
                var copy = racing.ChildProtectionEnquiries.AsNoTracking().Single(e => e.Id == enquiry);
                copy.RecordConference(Today, ConferenceOutcome.ChildProtectionPlan, "PHY", reviewingOfficer, Today);
                racing.ChildProtectionPlans.Add(new ChildProtectionPlan(copy));
            }));

        Assert.Equal(("The child already has an open child protection plan: record its review conference instead", "Outcome"), (refused.Message, refused.Field));
        Assert.Equal(0, await WithDbAsync(db => db.ChildProtectionPlans.CountAsync(p => p.ChildId == child)));
    }

    [Fact]
    public async Task TwoPeriodsOfCare_BothPastTheCheck_TheDatabaseRefusesTheSecond_WithTheRuleOnTheStartDate()
    {
        var child = await ChildOpenToSocialCareAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => WhileRacingAsync(
            socialWorker,
            sender => sender.Send(new BecomeLookedAfter.Command
            {
                PersonId = child, StartedOn = Today, LegalStatus = "C1", CategoryOfNeed = "N1",
                PlacementType = "U6", PlacementProvider = "PR1", PlacementPostcode = "SN1 2AB", PlacementUrn = "SC123456", PlacementApproval = Domain.LookedAfter.PlacementApproval.Approved, PreviousPermanence = "Z1", Carer = "Smith family", ReferralSourceCode = "1A", PrimaryNeedCode = "N1",
            }).AsTask(),
            racing => racing.PeriodsOfCare.Add(PeriodOfCare.Start(child, Today, "V2", "N1", new Placement("U4", "PR1", "SN1 2AB", "Jones family", false, "SC123456"), null, Today))));

        Assert.Equal(("The child is already looked after: record a change of legal status or placement instead", "StartedOn"), (refused.Message, refused.Field));
        Assert.Equal(0, await WithDbAsync(db => db.PeriodsOfCare.CountAsync(p => p.ChildId == child)));
    }

    [Fact]
    public async Task AStepDownDecided_FreesTheChildForAnother_TheIndexCoversOnlyWaitingRequests()
    {
        var child = await ChildOpenToSocialCareAsync();
        var id = await SendAsUserAsync(socialWorker, new RequestStepDown.Command { PersonId = child, Stage = StepDownStage.EndOfAssessment, Reasons = "Needs can be met by a keyworker." });
        var version = await WithDbAsync(db => db.ApprovalRequests.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        await SendAsUserAsync(AssessmentManager, new DecideStepDown.Command { RequestId = id, Version = version, Approve = false, Rationale = "Not yet: the plan has just started." });

        await SendAsUserAsync(socialWorker, new RequestStepDown.Command { PersonId = child, Stage = StepDownStage.ChildInNeedPlan, Reasons = "Now the plan has worked." });

        Assert.Equal(2, await WithDbAsync(db => db.ApprovalRequests.CountAsync(a => a.Kind == ApprovalKind.StepDown)));
    }

    [Fact]
    public async Task TwoLeads_SavedFromTwoContexts_TheIndexRefusesTheSecond_ButNotASecondCoWorkerOrAnEndedLead()
    {
        var child = await ChildReferredAsync();
        await WithDbAsync(async db =>
        {
            db.Allocations.Add(new Allocation(child, first, AssessmentTeam, AllocationRole.Lead, Today, AssessmentManager));
            await db.SaveChangesAsync();
        });

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => WithDbAsync(async db =>
        {
            db.Allocations.Add(new Allocation(child, second, AssessmentTeam, AllocationRole.Lead, Today, AssessmentManager));
            await db.SaveChangesAsync();
        }));
        Assert.Equal(ChildCase.Refusals.LeadChanged, refused.Message);

        await WithDbAsync(async db =>
        {
            db.Allocations.Add(new Allocation(child, second, AssessmentTeam, AllocationRole.CoWorker, Today, AssessmentManager));
            db.Allocations.Add(new Allocation(child, socialWorker, AssessmentTeam, AllocationRole.CoWorker, Today, AssessmentManager));
            var ended = new Allocation(child, socialWorker, AssessmentTeam, AllocationRole.Lead, Today.AddDays(-30), AssessmentManager);
            ended.End(Today.AddDays(-1));
            db.Allocations.Add(ended);
            await db.SaveChangesAsync();
        });
        Assert.Equal(4, await WithDbAsync(db => db.Allocations.CountAsync(a => a.ChildId == child)));
    }

    [Fact]
    public async Task AllocatePage_WhenAnotherLeadWasSavedAfterTheCheck_ShowsTheRuleBesideTheWorker_Not500()
    {
        var child = await ChildReferredAsync();
        var racing = new RacingRow(db => db.Allocations.Add(new Allocation(child, first, AssessmentTeam, AllocationRole.Lead, Today, AssessmentManager)),
            db => db.ChangeTracker.Entries<Allocation>().Any(e => e.State == EntityState.Added && e.Entity.ChildId == child));
        await using var host = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(racing));
            s.ConfigureDbContext<SqlServerAppDbContext>(o => o.AddInterceptors(racing));
        }));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = AppFactory.BaseAddress });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, AssessmentManager.ToString());

        var response = await PressAsync(client, $"/People/{child}/Allocate", "Allocate", [F("Input.WorkerId", second.ToString()), F("Input.Role", "Lead")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Someone else has just changed who leads this child", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_WorkerId\"", html, StringComparison.Ordinal);
        Assert.True(racing.Fired);
    }

    [Fact]
    public async Task StepDown_TheKeyworkerWhoLedBeforeLeadsAgain_InOneSaveTheIndexAccepts()
    {
        // The keyworker's allocation is the older row: a save that promoted it before ending the social worker's
        // lead would briefly hold two leads, which the index refuses.
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
        var child = await ChildReferredAsync();
        var keyworking = new Allocation(child, keyworker, EarlyHelpTeam, AllocationRole.Lead, Today.AddDays(-60), Manager);
        keyworking.BecomeCoWorker();
        await WithDbAsync(async db =>
        {
            db.Allocations.Add(keyworking);
            await db.SaveChangesAsync();
        });
        await AllocateAsync(AssessmentManager, child, socialWorker);
        var id = await SendAsUserAsync(socialWorker, new RequestStepDown.Command { PersonId = child, Stage = StepDownStage.EndOfAssessment, Reasons = "Needs can be met by a keyworker." });
        var version = await WithDbAsync(db => db.ApprovalRequests.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

        await SendAsUserAsync(AssessmentManager, new DecideStepDown.Command { RequestId = id, Version = version, Approve = true, Rationale = "Agreed." });

        var open = await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == child && a.EndedOn == null).ToListAsync());
        var lead = Assert.Single(open);
        Assert.Equal((keyworker, EarlyHelpTeam, AllocationRole.Lead, Today), (lead.WorkerId, lead.TeamId, lead.Role, lead.StartedOn));
        Assert.Equal(Today, (await WithDbAsync(db => db.Allocations.SingleAsync(a => a.Id == keyworking.Id))).EndedOn);
    }

    private Task<Guid> EnquiryVersionAsync(Guid id) => WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());

    /// <summary>A child referred to the assessment team, waiting for allocation.</summary>
    private async Task<Guid> ChildReferredAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        return childId;
    }

    /// <summary>A child referred to the assessment team and held by the social worker.</summary>
    private async Task<Guid> ChildOpenToSocialCareAsync()
    {
        var childId = await ChildReferredAsync();
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        return childId;
    }

    /// <summary>
    /// Sends a use case as the user; when its handler has checked the case and the pipeline saves, the racing
    /// request's row is written first (in the same transaction: SQLite has one writer at a time).
    /// </summary>
    private async Task WhileRacingAsync(Guid userId, Func<Mediator.ISender, Task> send, Action<AppDbContext> race)
    {
        await AsUserAsync(userId, async sender =>
        {
            await send(sender);
            return true;
        }, db =>
        {
            var raced = false;
            db.SavingChanges += (_, _) =>
            {
                if (!raced && db.Database.CurrentTransaction is not null)
                {
                    raced = true;
                    RacingRow.Write(db, race);
                }
            };
        });
    }

    private async Task<T> AsUserAsync<T>(Guid userId, Func<Mediator.ISender, Task<T>> send, Action<AppDbContext> prepare)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var principal = await PrincipalForAsync(scope.ServiceProvider, userId);
        scope.ServiceProvider.GetRequiredService<Web.Infrastructure.CurrentUser>().Use(principal, $"test-{Guid.NewGuid():N}");
        prepare(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        return await send(scope.ServiceProvider.GetRequiredService<Mediator.ISender>());
    }

    /// <summary>Writes the other request's row just before a save that <paramref name="when"/> recognises, once.</summary>
    private sealed class RacingRow(Action<AppDbContext> race, Func<AppDbContext, bool> when) : SaveChangesInterceptor
    {
        public bool Fired { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Fired && eventData.Context is AppDbContext db && db.Database.CurrentTransaction is not null && when(db))
            {
                Fired = true;
                Write(db, race);
            }

            return ValueTask.FromResult(result);
        }

        /// <summary>A second context on the same connection and transaction: another writer, as the database sees it.</summary>
        public static void Write(AppDbContext db, Action<AppDbContext> race)
        {
            var connection = db.Database.GetDbConnection();
            AppDbContext other = db is SqlServerAppDbContext
                ? new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer(connection).Options)
                : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options);
            using (other)
            {
                other.Database.UseTransaction(db.Database.CurrentTransaction!.GetDbTransaction());
                race(other);
                other.SaveChanges();
            }
        }
    }
}
