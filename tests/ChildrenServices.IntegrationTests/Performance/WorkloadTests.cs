using System.Net;
using ChildrenServices.Application.Performance;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.Teams;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Performance;

/// <summary>Workload weighted by the council's case weights, on a hand-built team whose points are added up here.</summary>
public sealed class WorkloadTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;
    private Guid keyworker;

    /// <summary>
    /// The social worker leads four children: one looked after who also has a child protection plan (counted once, as
    /// looked after), one on a child protection plan, one with an open referral, and one restricted child with nothing
    /// open. The keyworker keyworks one early help family of two children.
    /// </summary>
    private async Task TeamAsync()
    {
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        var chair = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
        var children = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            children.Add(await CreateChildAsync(Practitioner, $"Child{i}", "Weighed"));
        }

        for (var i = 0; i < 4; i++)
        {
            await AllocateAsync(AssessmentManager, children[i], socialWorker);
        }

        var calendar = WorkingDayCalendar.EnglandAndWales;
        await WithDbAsync(async db =>
        {
            Referral ReferralFor(int child)
            {
                var referral = new Referral(children[child], null, Today.AddDays(-60), "1B", "N1", AssessmentTeam, false, null, calendar);
                db.Referrals.Add(referral);
                return referral;
            }

            db.PeriodsOfCare.Add(PeriodOfCare.Start(children[0], Today.AddDays(-30), "C1", "N1", new Placement("U6", "PR1", "SN1 2AB", "Smith family", false, urn: "SC123456"), null, Today));
            db.ChildProtectionPlans.Add(ChildProtectionPlan.FromTransferInConference(ReferralFor(0), Today.AddDays(-56), "NEG", "Northfield County Council", 1, chair, Today));
            db.ChildProtectionPlans.Add(ChildProtectionPlan.FromTransferInConference(ReferralFor(1), Today.AddDays(-56), "NEG", "Northfield County Council", 1, chair, Today));
            ReferralFor(2);
            (await db.People.SingleAsync(p => p.Id == children[3])).Restrict(Domain.People.RestrictionReason.HighProfile, Today, Today.AddMonths(6), []);
            db.EarlyHelpEpisodes.Add(new EarlyHelpEpisode("Weighed", EpisodeKind.EarlyHelp, null, EpisodeStart.PartnerRequest, null, Today.AddDays(-20), EarlyHelpTeam, keyworker, [children[4], children[5]]));
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task EachWorkersCases_AreCountedOnceByTheirMostIntensiveKind_AndWeighedWithTheCouncilsPoints()
    {
        await TeamAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");

        var defaults = await SendAsUserAsync(officer, new GetWorkload.Query());
        var grace = defaults.Teams.SelectMany(t => t.Workers).Single(w => w.Id == socialWorker);
        // Defaults: looked after 3 + child protection 3 + being assessed 2 + other 1 = 9.
        Assert.Equal((1, 1, 0, 1, 1, 0, 4, 9), (grace.LookedAfter, grace.ChildProtection, grace.ChildInNeed, grace.Assessment, grace.Other, grace.Families, grace.Cases, grace.Weighted));
        var tom = defaults.Teams.SelectMany(t => t.Workers).Single(w => w.Id == keyworker);
        Assert.Equal((0, 1, 1, 2), (tom.Children, tom.Families, tom.Cases, tom.Weighted));

        var admin = await CreateUserAsync(Roles.Administrator, "Jo Whitcombe");
        await SendAsUserAsync(admin, new SaveCaseWeights.Command { LookedAfter = 5, ChildProtection = 4, ChildInNeed = 2, Assessment = 1, EarlyHelpFamily = 3, Other = 0 });

        var weighed = await SendAsUserAsync(officer, new GetWorkload.Query());
        Assert.Equal(10, weighed.Teams.SelectMany(t => t.Workers).Single(w => w.Id == socialWorker).Weighted);
        Assert.Equal(3, weighed.Teams.SelectMany(t => t.Workers).Single(w => w.Id == keyworker).Weighted);
    }

    [Fact]
    public async Task OverdueWork_IsCountedForEveryChildTheWorkerLeads_AndTheManagerOpensTheListBehindTheNumber()
    {
        await TeamAsync();

        // Today is Tuesday 24 November. Both plans began at initial conferences on Tuesday 29 September with no visit or
        // core group since: the first visit and the core group were due within 10 working days, Tuesday 13 October (2 each).
        // Care began on Wednesday 25 October: the first visit was due within 7 days (Sunday 1 November) and the first review
        // within 20 working days (Monday 23 November), both past (2). The assessments for the three referrals of Friday
        // 25 September are due in 45 working days, Friday 27 November: not yet overdue. So 6 overdue, and none for the
        // keyworker (the early help family has no statutory timescale). Child 1's record is then restricted to no one:
        // still counted, but not listed for the manager.
        await WithDbAsync(async db =>
        {
            var child1 = await db.ChildProtectionPlans.Where(p => p.StartedOn == Today.AddDays(-56)).OrderBy(p => p.ChildId).Select(p => p.ChildId).ToListAsync();
            var restrict = await db.People.SingleAsync(p => p.Id == child1.Single(c => !db.PeriodsOfCare.Any(x => x.ChildId == c)));
            restrict.Restrict(Domain.People.RestrictionReason.HighProfile, Today, Today.AddMonths(6), []);
            await db.SaveChangesAsync();
        });
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");

        var workload = await SendAsUserAsync(officer, new GetWorkload.Query(Everything: true));
        var grace = workload.Teams.SelectMany(t => t.Workers).Single(w => w.Id == socialWorker);
        var tom = workload.Teams.SelectMany(t => t.Workers).Single(w => w.Id == keyworker);
        Assert.Equal((6, 0), (grace.Overdue, tom.Overdue));
        Assert.Equal(6, workload.Teams.Single(t => t.Id == AssessmentTeam).Overdue);

        // On the page, a team's overdue work is counted when its workers are shown: the team chosen, or a manager's own.
        var oneTeam = await SendAsUserAsync(officer, new GetWorkload.Query(AssessmentTeam));
        Assert.Equal((true, 6), (oneTeam.Teams.Single(t => t.Id == AssessmentTeam).OverdueCounted, oneTeam.Teams.Single(t => t.Id == AssessmentTeam).Overdue));
        Assert.False(oneTeam.Teams.Single(t => t.Id == EarlyHelpTeam).OverdueCounted);

        // An officer sees every team's totals, and a team's workers when they choose it.
        var officerClient = ClientFor(officer);
        var all = await PageAsync(officerClient, "/Performance/Workload");
        Assert.Contains($"href=\"/Performance/Workload?Team={AssessmentTeam}\"", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Grace Okafor-Lyle", all, StringComparison.Ordinal);
        var chosen = await PageAsync(officerClient, $"/Performance/Workload?Team={AssessmentTeam}");
        Assert.Contains("Grace Okafor-Lyle", chosen, StringComparison.Ordinal);
        Assert.DoesNotContain("Tom Ashdown", chosen, StringComparison.Ordinal);

        // The manager's number links to the worker's overdue list, which names only the children the manager may see.
        var manager = ClientFor(AssessmentManager);
        var page = await PageAsync(manager, "/Performance/Workload");
        Assert.Contains($"<a class=\"govuk-link\" href=\"/Team/Workers/{socialWorker}#deadlines\">6<span class=\"govuk-visually-hidden\"> overdue for Grace Okafor-Lyle</span></a>", page, StringComparison.Ordinal);
        var caseload = await PageAsync(manager, $"/Team/Workers/{socialWorker}");
        Assert.Contains("<h2 class=\"govuk-heading-m\" id=\"deadlines\">Overdue statutory work (4)</h2>", caseload, StringComparison.Ordinal);
        Assert.Contains("Child0 Weighed", caseload, StringComparison.Ordinal);
        Assert.DoesNotContain("Child1 Weighed", caseload, StringComparison.Ordinal);
        var csv = await (await manager.GetAsync("/Performance/Workload/Csv", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Grace Okafor-Lyle,1,1,0,1,1,0,4,20,9,6\r\n", csv, StringComparison.Ordinal);

        // Every team's totals download too, from the link under the all-teams table: the assessment team's cases, weight
        // and overdue work are Grace's (its only worker holding cases), 4 cases against 20 a worker, none over.
        var teams = await DownloadTextAsync(officerClient, all, "every team's totals (CSV)");
        var assessmentTeam = workload.Teams.Single(t => t.Id == AssessmentTeam);
        Assert.StartsWith("Team,Workers,Cases,Capacity,Workers over capacity,Weighted caseload,Overdue statutory work\r\n", teams, StringComparison.Ordinal);
        Assert.Contains($"{assessmentTeam.Name},{assessmentTeam.Workers.Count},4,{20 * assessmentTeam.Workers.Count},0,9,6\r\n", teams, StringComparison.Ordinal);

        // The team's manager holds no cases, so is not listed as one of its workers nor counted against its capacity.
        Assert.DoesNotContain("Ruth Adeyemi", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(workload.Teams.Single(t => t.Id == AssessmentTeam).Workers, w => w.Id == AssessmentManager);
    }

    [Fact]
    public async Task TheAdministrator_SetsTheWeights_AWeightOutOfRangeIsRefusedBesideIt_AndTheManagerDrillsIntoTheirOwnWorkers()
    {
        await TeamAsync();
        var admin = ClientFor(await CreateUserAsync(Roles.Administrator, "Jo Whitcombe"));

        Assert.Contains("id=\"Input_LookedAfter\" name=\"Input.LookedAfter\" type=\"text\" value=\"3\"", await PageAsync(admin, "/Admin/Weights"), StringComparison.Ordinal);
        KeyValuePair<string, string>[] Weights(string childProtection) =>
            [F("Input.LookedAfter", "3"), F("Input.ChildProtection", childProtection), F("Input.ChildInNeed", "2"), F("Input.Assessment", "2"), F("Input.EarlyHelpFamily", "2"), F("Input.Other", "1")];
        var refused = await PostFormAsync(admin, "/Admin/Weights", Weights("11"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<p id=\"Input_ChildProtection-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> Enter a whole number of points from 0 to 10</p>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"11\"", html, StringComparison.Ordinal);
        var saved = await PostFormAsync(admin, "/Admin/Weights", Weights("4"));
        Assert.Equal("Case weights saved: the workload page now weighs caseloads with them", await BannerAfterAsync(admin, saved, "/Admin/Weights"));

        var manager = ClientFor(AssessmentManager);
        var page = await PageAsync(manager, "/Performance/Workload");
        Assert.Contains($"<a class=\"govuk-link\" href=\"/Team/Workers/{socialWorker}\">Grace Okafor-Lyle<span class=\"govuk-visually-hidden\">'s caseload</span></a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Team/Workers/{keyworker}\"", page, StringComparison.Ordinal);
        Assert.Contains("child protection 4", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Child3", page, StringComparison.Ordinal);

        // Each count by kind opens the children behind it: Grace's one child on a child protection plan only (Child1; Child0
        // is looked after, counted there), and her one case with nothing else open, Child3, is restricted: counted, and
        // the list behind it names no one.
        var protection = System.Text.RegularExpressions.Regex.Match(page, $"<a class=\"govuk-link\" href=\"(?<href>/Team/Workers/{socialWorker}\\?Status=[^\"]+)\">1<span class=\"govuk-visually-hidden\"> children Grace Okafor-Lyle leads on a child protection plan</span></a>");
        Assert.True(protection.Success, "The child protection count is not a link");
        var behind = await PageAsync(manager, System.Net.WebUtility.HtmlDecode(protection.Groups["href"].Value).Split('#')[0]);
        Assert.Contains("Showing the 1 child Grace Okafor-Lyle leads with the status \"Child protection plan\"", behind, StringComparison.Ordinal);
        var table = (await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(behind, TestContext.Current.CancellationToken)).QuerySelector("table#children")!.TextContent;
        Assert.Contains("Child1 Weighed", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Child0 Weighed", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Child2 Weighed", table, StringComparison.Ordinal);
        var other = await PageAsync(manager, $"/Team/Workers/{socialWorker}?Status=Open%20case");
        Assert.Contains("Showing the 0 children Grace Okafor-Lyle leads with the status \"Open case\" that you can see", other, StringComparison.Ordinal);
        Assert.DoesNotContain("Child3", other, StringComparison.Ordinal);
        var csv = await (await manager.GetAsync("/Performance/Workload/Csv", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Grace Okafor-Lyle,1,1,0,1,1,0,4,", csv, StringComparison.Ordinal);
    }
}
