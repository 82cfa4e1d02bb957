using System.Net;
using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
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
/// every test here fails: both rows are saved.
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
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
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
