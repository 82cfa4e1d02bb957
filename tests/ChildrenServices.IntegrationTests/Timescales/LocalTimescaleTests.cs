using System.Net;
using ChildrenServices.Application.Home;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.Timescales;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Timescales;

/// <summary>
/// An administrator sets the local timescales without a code change, and every due date and RAG on the
/// worker's and the manager's worktray is worked out from them when shown.
/// </summary>
public sealed class LocalTimescaleTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid admin;
    private Guid socialWorker;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        admin = await CreateUserAsync(Roles.Administrator, "Jo Whitcombe");
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            await db.SaveChangesAsync();
        });
    }

    private static SaveLocalTimescales.Command Timescales(Guid? version, int amber = 5, int strategy = 2) => new()
    {
        Version = version, StrategyDiscussionWorkingDays = strategy, Section47EnquiryWorkingDays = 6, FirstCoreGroupWorkingDays = 10, ChildProtectionVisitWorkingDays = 10,
        ChildInNeedFirstReviewWorkingDays = 15, ChildInNeedReviewWeeks = 12, ChildInNeedVisitWorkingDays = 20, AmberWorkingDays = amber,
    };

    [Fact]
    public async Task TheDefaultsApply_UntilAnAdministratorSavesTheirOwn()
    {
        var before = await SendAsUserAsync(admin, new GetLocalTimescales.Query());
        Assert.Equal((LocalTimescales.Defaults, (Guid?)null), (before.Local, before.Version));

        await SendAsUserAsync(admin, Timescales(null, amber: 8, strategy: 0));

        var after = await SendAsUserAsync(admin, new GetLocalTimescales.Query());
        Assert.Equal((8, 0, "Jo Whitcombe"), (after.Local.AmberWorkingDays, after.Local.StrategyDiscussionWorkingDays, after.UpdatedBy));
    }

    [Fact]
    public async Task TheFirstCoreGroup_CannotBeSetPastTheNationalTenWorkingDays_AndOneSavedBeforeTheLimitReadsAsTen()
    {
        var tooLong = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(admin, Timescales(null) with { FirstCoreGroupWorkingDays = 11 }));
        Assert.Contains(tooLong.Errors, e => e.PropertyName == "FirstCoreGroupWorkingDays" && e.ErrorMessage.StartsWith("The first core group must be between 1 and 10 working days", StringComparison.Ordinal));

        await SendAsUserAsync(admin, Timescales(null));
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"TimescaleSettings\" SET \"FirstCoreGroupWorkingDays\" = 15"));

        Assert.Equal(10, (await SendAsUserAsync(admin, new GetLocalTimescales.Query())).Local.FirstCoreGroupWorkingDays);
    }

    [Fact]
    public async Task OutOfRangeSettings_AreRefusedBesideTheField_AndOnlyAnAdministratorMaySetThem()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(admin, Timescales(null, strategy: 11) with { ChildInNeedReviewWeeks = 0, FirstCoreGroupWorkingDays = null }));

        Assert.Contains(ex.Errors, e => e.PropertyName == "StrategyDiscussionWorkingDays" && e.ErrorMessage == "The strategy discussion must be between 0 and 10 working days");
        Assert.Contains(ex.Errors, e => e.PropertyName == "ChildInNeedReviewWeeks" && e.ErrorMessage == "Child in need reviews must be between 1 and 52 weeks");
        Assert.Contains(ex.Errors, e => e.PropertyName == "FirstCoreGroupWorkingDays" && e.ErrorMessage == "Enter a whole number");
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(AssessmentManager, Timescales(null)));
        Assert.Equal(0, await WithDbAsync(db => db.TimescaleSettings.CountAsync()));
    }

    [Fact]
    public async Task ASecondAdministratorOnAStaleVersion_GetsAConflict()
    {
        await SendAsUserAsync(admin, Timescales(null));
        var version = (await SendAsUserAsync(admin, new GetLocalTimescales.Query())).Version;
        await SendAsUserAsync(admin, Timescales(version, amber: 3));

        await Assert.ThrowsAsync<Application.ConcurrencyConflictException>(async () => await SendAsUserAsync(admin, Timescales(version, amber: 9)));
        Assert.Equal(3, (await SendAsUserAsync(admin, new GetLocalTimescales.Query())).Local.AmberWorkingDays);
    }

    [Fact]
    public async Task ChangingTheAmberWindow_MovesTheRagOnTheWorkerAndManagerWorktrays()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        Factory.Clock.Advance(TimeSpan.FromDays(57)); // Wednesday 20 January 2027: 7 working days before the 29 January due date

        var green = Assert.Single((await SendAsUserAsync(socialWorker, new GetMyDueWork.Query())).Statutory!);
        Assert.Equal((childId, DueKind.Assessment, new DateOnly(2027, 1, 29), RagStatus.Green), (green.ChildId, green.Kind, green.DueOn, green.Status));
        await SendAsUserAsync(admin, Timescales(null, amber: 10));

        var amber = Assert.Single((await SendAsUserAsync(socialWorker, new GetMyDueWork.Query())).Statutory!);
        var team = Assert.Single(await SendAsUserAsync(AssessmentManager, new GetTeamDueWork.Query()));
        Assert.Equal(RagStatus.Amber, amber.Status);
        Assert.Equal((RagStatus.Amber, "Grace Okafor-Lyle", "Child and family assessment (not started)"), (team.Status, team.Worker, team.What));
        Factory.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(RagStatus.Red, Assert.Single((await SendAsUserAsync(socialWorker, new GetMyDueWork.Query())).Statutory!).Status);
    }

    [Fact]
    public async Task TimescalesPage_BadNumberKeepsWhatWasTyped_AndAGoodSaveShowsOnTheWorktray()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = ClientFor(admin);
        var form = await (await client.GetAsync("/Admin/Timescales", ct)).Content.ReadAsStringAsync(ct);
        Assert.Contains("The defaults are in use", form, StringComparison.Ordinal);
        var fields = new[]
        {
            F("Input.StrategyDiscussionWorkingDays", "1"), F("Input.Section47EnquiryWorkingDays", "6"), F("Input.FirstCoreGroupWorkingDays", "ten"),
            F("Input.ChildProtectionVisitWorkingDays", "10"), F("Input.ChildInNeedFirstReviewWorkingDays", "15"), F("Input.ChildInNeedReviewWeeks", "12"),
            F("Input.ChildInNeedVisitWorkingDays", "25"), F("Input.AmberWorkingDays", "5"),
        };

        var bad = await PostFormAsync(client, "/Admin/Timescales", fields);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = await bad.Content.ReadAsStringAsync(ct);
        Assert.Contains("value=\"ten\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"25\"", page, StringComparison.Ordinal);
        Assert.Contains("First core group working days must be a whole number, like 5", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_FirstCoreGroupWorkingDays-error\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid for", page, StringComparison.Ordinal);

        var good = await PostFormAsync(client, "/Admin/Timescales", [.. fields.Select(f => f.Key == "Input.FirstCoreGroupWorkingDays" ? F(f.Key, "8") : f)]);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal((8, 25), await WithDbAsync(db => db.TimescaleSettings.Select(s => new ValueTuple<int, int>(s.FirstCoreGroupWorkingDays, s.ChildInNeedVisitWorkingDays)).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(socialWorker).GetAsync("/Admin/Timescales", ct)).StatusCode);
    }
}
