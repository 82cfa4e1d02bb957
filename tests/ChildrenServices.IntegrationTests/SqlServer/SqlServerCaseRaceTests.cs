using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.SqlServer;

/// <summary>
/// The races of a child's case on SQL Server, truly side by side: two requests each load the case and pass its
/// rule, wait for each other, then both save. The filtered unique index lets one in and refuses the other, which
/// the practitioner sees as the rule (ADR 0019). The SQLite equivalents are <see cref="Allocations.CaseRaceTests"/>.
/// </summary>
public sealed class SqlServerCaseRaceTests(SqlServerFixture fixture) : IntegrationTest(fixture.Factory), IClassFixture<SqlServerFixture>
{
    private readonly string unique = Guid.NewGuid().ToString("N")[..8];

    // No reset: SQL Server data stays, and each test uses names of its own.
    public override ValueTask InitializeAsync()
    {
        Factory.Clock.AdjustTime(AppFactory.Now);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TwoLeadAllocationsAtOnce_OnSqlServer_OneIsSaved_TheOtherIsRefusedWithTheRule()
    {
        SkipWithoutDocker();
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var first = await CreateUserAsync(Roles.SocialWorker, "Fia First");
        var second = await CreateUserAsync(Roles.SocialWorker, "Sol Second");
        await CreateTeamAsync(manager, $"Assessment team {unique}", first, second);
        var child = await CreateChildAsync(manager, "Riley", $"Taylor-{unique}");

        var outcomes = await SideBySideAsync(
            (manager, s => s.Send(new AllocateWorker.Command { PersonId = child, WorkerId = first, Role = AllocationRole.Lead }).AsTask()),
            (manager, s => s.Send(new AllocateWorker.Command { PersonId = child, WorkerId = second, Role = AllocationRole.Lead }).AsTask()));

        var refused = Assert.IsType<DomainRuleException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal((ChildCase.Refusals.LeadChanged, "WorkerId"), (refused.Message, refused.Field));
        Assert.Single(await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == child && a.EndedOn == null && a.Role == AllocationRole.Lead).ToListAsync()));
    }

    [Fact]
    public async Task TwoStepDownsAtOnce_OnSqlServer_OneIsSaved_TheOtherIsRefusedWithTheRule()
    {
        SkipWithoutDocker();
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        var team = await CreateTeamAsync(manager, $"Assessment team {unique}", worker);
        var child = await CreateChildAsync(manager, "Riley", $"Taylor-{unique}");
        await AllocateAsync(manager, child, worker);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Referrals.Add(new Referral(child, null, Today, "5D", "N1", team, false, null, scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>()));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var outcomes = await SideBySideAsync(
            (worker, s => s.Send(new RequestStepDown.Command { PersonId = child, Stage = StepDownStage.EndOfAssessment, Reasons = "From one tab." }).AsTask()),
            (worker, s => s.Send(new RequestStepDown.Command { PersonId = child, Stage = StepDownStage.EndOfAssessment, Reasons = "From another tab." }).AsTask()));

        var refused = Assert.IsType<DomainRuleException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal((ChildCase.Refusals.StepDownPending, "Reasons"), (refused.Message, refused.Field));
        Assert.Equal(1, await WithDbAsync(db => db.ApprovalRequests.CountAsync(a => a.Kind == ApprovalKind.StepDown && a.Children.Any(c => c.ChildId == child))));
    }

    /// <summary>
    /// Runs two use cases at once, each in its own scope, and holds each at its save until both have got there:
    /// both handlers have loaded the case and passed its rule. Returns what each threw (null if it succeeded).
    /// </summary>
    private async Task<Exception?[]> SideBySideAsync(params (Guid User, Func<ISender, Task> Send)[] requests)
    {
        using var bothChecked = new CountdownEvent(requests.Length);
        var runs = requests.Select(r => Task.Run(async () =>
        {
            try
            {
                await using var scope = Factory.Services.CreateAsyncScope();
                var principal = await PrincipalForAsync(scope.ServiceProvider, r.User);
                scope.ServiceProvider.GetRequiredService<Web.Infrastructure.CurrentUser>().Use(principal, $"test-{Guid.NewGuid():N}");
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var waited = false;
                db.SavingChanges += (_, _) =>
                {
                    if (!waited)
                    {
                        waited = true;
                        bothChecked.Signal();
                        bothChecked.Wait(TimeSpan.FromSeconds(30));
                    }
                };
                await r.Send(scope.ServiceProvider.GetRequiredService<ISender>());
                return (Exception?)null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        })).ToList();
        return await Task.WhenAll(runs);
    }

    private void SkipWithoutDocker()
    {
        if (fixture.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}
