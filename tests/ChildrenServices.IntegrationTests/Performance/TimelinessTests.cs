using System.Net;
using ChildrenServices.Application.Performance;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Performance;

/// <summary>
/// Timeliness on a small hand-built council whose due dates are worked out by hand in the comments, with the edges the
/// issue names: a review on its due day (in time), a bank holiday inside a window (25 May and 31 August 2026), and a
/// restricted child counted but not named to an officer off its allow-list.
/// </summary>
public sealed class TimelinessTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private static readonly DateOnly From = new(2026, 4, 1);

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private async Task<Guid> CouncilAsync()
    {
        var chair = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        var children = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            children.Add(await CreateChildAsync(Practitioner, $"Child{i}", "Timely"));
        }

        var calendar = WorkingDayCalendar.EnglandAndWales;
        await WithDbAsync(async db =>
        {
            Referral ReferralFor(int child, DateOnly on)
            {
                var referral = new Referral(children[child], null, on, "1B", "N1", AssessmentTeam, false, null, calendar);
                db.Referrals.Add(referral);
                return referral;
            }

            ChildAndFamilyAssessment Assessed(int child, DateOnly referred, DateOnly authorised)
            {
                var assessment = new ChildAndFamilyAssessment(ReferralFor(child, referred), referred, AssessmentManager, Today);
                assessment.RecordSeen(referred.AddDays(2), alone: true, Today);
                assessment.Record("Analysis.", ["21"], AssessmentOutcome.NoFurtherAction, authorised > assessment.DueOn ? "Waiting for the school's report." : null);
                assessment.Submit(authorised);
                assessment.Authorise(AssessmentManager, authorised);
                return assessment;
            }

            // Referred Monday 3 August: 45 working days, with the August bank holiday (31st) inside, end on Tuesday 6 October.
            // Authorised that day: in time, 45 working days. Referred Monday 1 June: due Monday 3 August; authorised Thursday
            // 20 August, 13 working days late (58 in all), on a restricted child.
            db.ChildAndFamilyAssessments.AddRange(Assessed(0, D(8, 3), D(10, 6)), Assessed(1, D(6, 1), D(8, 20)));
            (await db.People.SingleAsync(p => p.Id == children[1])).Restrict(Domain.People.RestrictionReason.HighProfile, Today, Today.AddMonths(6), []);

            // Strategy discussion Tuesday 1 September: the initial conference is due in 15 working days, Tuesday 22 September.
            // Held Thursday 24 September: 2 working days late.
            var enquiry = new ChildProtectionEnquiry(ReferralFor(2, D(8, 28)), D(9, 1), "Police, school", true, "Bruising.", calendar, Today);
            enquiry.RecordSection47Outcome(D(9, 10), "Physical abuse.", true, Today);
            enquiry.RecordConference(D(9, 24), ConferenceOutcome.ChildInNeedPlan, null, chair, Today);
            db.ChildProtectionEnquiries.Add(enquiry);

            // A plan from Tuesday 12 May: the first review is due 3 months on, Wednesday 12 August, and held that day (in time).
            // Visits every 10 working days: the first due Wednesday 27 May (Monday 25 May a bank holiday), made Tuesday 26 May,
            // in time; the next due Tuesday 9 June, made Friday 12 June, 3 working days late.
            var onTime = ChildProtectionPlan.FromTransferInConference(ReferralFor(3, D(5, 5)), D(5, 12), "NEG", "Northfield County Council", 1, chair, Today);
            onTime.RecordReview(D(8, 12), true, "NEG", "The plan continues.", chair, Today);
            onTime.RecordVisit(D(5, 26), true, true, Today);
            onTime.RecordVisit(D(6, 12), true, false, Today);
            // A plan from Tuesday 7 April: the first review due Tuesday 7 July, held Thursday 9 July, 2 days late.
            var lateReview = ChildProtectionPlan.FromTransferInConference(ReferralFor(4, D(4, 1)), D(4, 7), "EMO", "Northfield County Council", 1, chair, Today);
            lateReview.RecordReview(D(7, 9), true, "EMO", "The plan continues.", chair, Today);
            db.ChildProtectionPlans.AddRange(onTime, lateReview);

            // Looked after from Monday 1 June: the first review due in 20 working days, Monday 29 June, held that day (in time);
            // the second due 3 months on, Tuesday 29 September, held Thursday 1 October, 2 days late.
            var care = PeriodOfCare.Start(children[5], D(6, 1), "C1", "N1", new Placement("U6", "PR1", "SN1 2AB", "Smith family", false, urn: "SC123456"), null, Today);
            care.RecordReview(D(6, 29), "PN1", chair, Today);
            care.RecordReview(D(10, 1), "PN1", chair, Today);

            // Visits (regulation 28): within 7 days of the placement, due Monday 8 June, made Thursday 4 June (in time); then
            // 6 weeks, due Thursday 16 July, made Monday 20 July, 4 days late. The child moved on Monday 3 August to an aunt
            // approved temporarily (28(4)): the new placement's first visit due Monday 10 August, made Wednesday 12th, 2 days
            // late; the first review is past, so 4-weekly: due Wednesday 9 September, made Monday 14th, 5 days late (under the
            // general 6 weeks it would have been in time), the day before her approval was completed. Then 6-weekly again:
            // due Monday 26 October, made Monday 19 October, in time.
            care.RecordVisit(D(6, 4), true, true, Today);
            care.RecordVisit(D(7, 20), true, false, Today);
            care.ChangePlacement(D(8, 3), new Placement("U3", "PR1", "SN2 4RS", "Aunt (Morag Ellison)", false, "SC123456", PlacementApproval.ConnectedPersonTemporary), false, Today, reasonForChange: "CARPL");
            care.RecordVisit(D(8, 12), true, true, Today);
            care.RecordVisit(D(9, 14), true, true, Today);
            care.CompleteApproval(D(9, 15), Today);
            care.RecordVisit(D(10, 19), true, true, Today);
            db.PeriodsOfCare.Add(care);

            // A child in need plan from Tuesday 1 September, visited Thursday 10 September: due in 20 working days, in time.
            var cin = new ChildInNeedPlan(ReferralFor(6, D(8, 25)), D(9, 1), Today);
            cin.RecordVisit(D(9, 10), true, false, Today);
            db.ChildInNeedPlans.Add(cin);
            await db.SaveChangesAsync();
        });
        return children[0];
    }

    [Fact]
    public async Task EachIndicator_CountsWhatWasInTime_ListsTheRest_AndNamesARestrictedChildToNoOneOffItsList()
    {
        var named = await CouncilAsync();
        var (first, _) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, first, ContactOutcome.NoFurtherAction);
        var (second, _) = await ContactAboutNewChildAsync();
        Factory.Clock.Advance(TimeSpan.FromDays(3));
        await DecideAsync(Practitioner, second, ContactOutcome.NoFurtherAction);
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        await RefreshTimelinessAsync();

        var result = await SendAsUserAsync(officer, new GetTimeliness.Query(From, Today.AddDays(3)));
        GetTimeliness.Indicator Of(string key) => result.Indicators.Single(i => i.Key == key);

        Assert.Equal((1, 2, 50), (Of(GetTimeliness.Keys.Contacts).InTime, Of(GetTimeliness.Keys.Contacts).Total, Of(GetTimeliness.Keys.Contacts).Percent));
        // Received Tuesday 24 November, due by Wednesday 25th, decided Friday 27th.
        Assert.Equal(
            (new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 27), "2 working days"),
            (Of(GetTimeliness.Keys.Contacts).Late[0].Due, Of(GetTimeliness.Keys.Contacts).Late[0].Happened, Of(GetTimeliness.Keys.Contacts).Late[0].LateBy));

        var assessments = Of(GetTimeliness.Keys.Assessments);
        Assert.Equal((1, 2), (assessments.InTime, assessments.Total));
        Assert.Equal(new GetTimeliness.Exception(assessments.Late[0].ChildId, "Restricted record", D(8, 3), D(8, 20), "13 working days"), Assert.Single(assessments.Late));
        Assert.Equal([0, 0, 0, 1, 1, 0], result.AssessmentDurations.Select(b => b.Assessments));

        Assert.Equal((0, 1, "2 working days"), (Of(GetTimeliness.Keys.InitialConferences).InTime, Of(GetTimeliness.Keys.InitialConferences).Total, Assert.Single(Of(GetTimeliness.Keys.InitialConferences).Late).LateBy));
        Assert.Equal((1, 2, "2 days"), (Of(GetTimeliness.Keys.ProtectionReviews).InTime, Of(GetTimeliness.Keys.ProtectionReviews).Total, Assert.Single(Of(GetTimeliness.Keys.ProtectionReviews).Late).LateBy));
        Assert.Equal((1, 2), (Of(GetTimeliness.Keys.ProtectionVisits).InTime, Of(GetTimeliness.Keys.ProtectionVisits).Total));
        Assert.Equal((D(6, 9), D(6, 12), "3 working days"), (Of(GetTimeliness.Keys.ProtectionVisits).Late[0].Due, Of(GetTimeliness.Keys.ProtectionVisits).Late[0].Happened, Of(GetTimeliness.Keys.ProtectionVisits).Late[0].LateBy));
        Assert.Equal((1, 2, D(9, 29)), (Of(GetTimeliness.Keys.LookedAfterReviews).InTime, Of(GetTimeliness.Keys.LookedAfterReviews).Total, Assert.Single(Of(GetTimeliness.Keys.LookedAfterReviews).Late).Due));
        Assert.Equal((1, 1, 100), (Of(GetTimeliness.Keys.ChildInNeedVisits).InTime, Of(GetTimeliness.Keys.ChildInNeedVisits).Total, Of(GetTimeliness.Keys.ChildInNeedVisits).Percent));
        var careVisits = Of(GetTimeliness.Keys.LookedAfterVisits);
        Assert.Equal((2, 5), (careVisits.InTime, careVisits.Total));
        Assert.Equal(
            [(D(9, 9), D(9, 14), "5 days"), (D(8, 10), D(8, 12), "2 days"), (D(7, 16), D(7, 20), "4 days")],
            careVisits.Late.Select(l => (l.Due, l.Happened, l.LateBy)));
        Assert.Equal("Child2 Timely", Assert.Single(Of(GetTimeliness.Keys.InitialConferences).Late).Who);
        Assert.NotEqual(named, assessments.Late[0].ChildId);

        // The assessment team's view: only the work on children it led on the day, and no contacts. Its worker has led the child
        // assessed in time (authorised 6 October) and the restricted child (authorised 20 August) since 1 September, so only
        // the first assessment is the team's.
        var worker = await AssessmentSocialWorkerAsync();
        await WithDbAsync(async db =>
        {
            db.Allocations.AddRange(
                new Allocation(named, worker, AssessmentTeam, AllocationRole.Lead, D(9, 1), AssessmentManager),
                new Allocation(assessments.Late[0].ChildId!.Value, worker, AssessmentTeam, AllocationRole.Lead, D(9, 1), AssessmentManager));
            await db.SaveChangesAsync();
        });
        var team = await SendAsUserAsync(officer, new GetTimeliness.Query(From, Today.AddDays(3), TeamId: AssessmentTeam));
        Assert.Equal(
            [(GetTimeliness.Keys.Contacts, 0, 0), (GetTimeliness.Keys.Assessments, 1, 1), (GetTimeliness.Keys.InitialConferences, 0, 0), (GetTimeliness.Keys.ProtectionReviews, 0, 0),
                (GetTimeliness.Keys.LookedAfterReviews, 0, 0), (GetTimeliness.Keys.ProtectionVisits, 0, 0), (GetTimeliness.Keys.ChildInNeedVisits, 0, 0),
                (GetTimeliness.Keys.LookedAfterVisits, 0, 0)],
            team.Indicators.Select(i => (i.Key, i.InTime, i.Total)));
    }

    [Fact]
    public async Task AWindowEndingBeforeTheWork_CountsNothing_AndAPeriodTheWrongWayRound_OrInTheFuture_IsRefusedBesideItsField()
    {
        await CouncilAsync();
        var officer = ClientFor(await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist"));

        await RefreshTimelinessAsync();
        var early = await SendAsUserAsync(await CreateUserAsync(Roles.PerformanceOfficer, "Ana Officer"), new GetTimeliness.Query(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)));
        Assert.All(early.Indicators, i => Assert.Equal((0, (int?)null), (i.Total, i.Percent)));

        var backwards = await officer.GetAsync("/Performance/Timeliness?From.Day=1&From.Month=6&From.Year=2026&To.Day=1&To.Month=5&To.Year=2026", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        var html = await backwards.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<p id=\"To-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> The end of the period must not be before its start</p>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"From.Month\" type=\"text\" inputmode=\"numeric\" value=\"6\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/Performance/Timeliness?From.Day=1&From.Month=6&From.Year=2026&To.Day={Today.Day + 1}&To.Month={Today.Month}&To.Year={Today.Year}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task ThePage_ShowsEachIndicatorWithItsExceptions_AndTheListsDownload()
    {
        await CouncilAsync();
        var officer = ClientFor(await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist"));
        Assert.Contains("<a class=\"govuk-link\" href=\"/Performance/Timeliness\">Timeliness</a>", await PageAsync(officer, "/Performance"), StringComparison.Ordinal);
        await RefreshTimelinessAsync();

        var page = await PageAsync(officer, "/Performance/Timeliness?From.Day=1&From.Month=4&From.Year=2026&To.Day=24&To.Month=11&To.Year=2026");

        Assert.Contains("<a class=\"govuk-link\" href=\"#assessments\">Assessments completed within 45 working days</a></th><td class=\"govuk-table__cell govuk-table__cell--numeric\">1</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">50%</td>",
            page.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("                            ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Restricted record", page, StringComparison.Ordinal);

        // Beside the table, a chart of each indicator's per cent on a scale to 100: in the 480-unit drawing, 64 units are kept
        // for the figure at the bar's end, so 50% is a bar 208 long. The durations (one assessment of 36 to 45 working days,
        // one of 46 to 60) are drawn to a top of 4, so each of those bars is a quarter of 416, 104 long.
        var document = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(page, TestContext.Current.CancellationToken);
        var chart = document.QuerySelector("figure#in-time-chart")!;
        Assert.Equal("img", chart.QuerySelector("svg")!.GetAttribute("role"));
        var labels = chart.QuerySelectorAll("text.app-chart__label").Select(t => t.TextContent).ToList();
        var assessmentBar = labels.IndexOf("Assessments completed within 45 working days");
        Assert.Equal(("208", "50%"), (chart.QuerySelectorAll("rect.app-chart__bar")[assessmentBar].GetAttribute("width"), chart.QuerySelectorAll("text.app-chart__value")[assessmentBar].TextContent));
        Assert.Equal(8, labels.Count);
        var durations = document.QuerySelector("figure#durations-chart")!;
        Assert.Equal(["0", "0", "0", "104", "104", "0"], durations.QuerySelectorAll("rect.app-chart__bar").Select(b => b.GetAttribute("width")));

        // The summary and the durations download as CSV too, from their links.
        Task<string> Download(string text) => DownloadTextAsync(officer, page, text);

        Assert.Contains("Assessments completed within 45 working days,1,2,50,", await Download("these figures (CSV)"), StringComparison.Ordinal);
        Assert.Equal(
            "Working days from referral to authorisation,Assessments\r\nUp to 10 working days,0\r\n11 to 20,0\r\n21 to 35,0\r\n36 to 45,1\r\n46 to 60,1\r\nMore than 60,0\r\n",
            await Download("assessment durations (CSV)"));

        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(?<href>/Performance/Timeliness/Csv[^\"]*indicator=assessments)\" download").Groups["href"].Value;
        var csv = await (await officer.GetAsync(System.Net.WebUtility.HtmlDecode(link), TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal("Child or contact,Due,Happened,Late by\r\nRestricted record,2026-08-03,2026-08-20,13 working days\r\n", csv.TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task APage_NamesOnlyTheExceptionsItShows_ADownloadNamesThemAll()
    {
        var chair = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        var child = await CreateChildAsync(Practitioner, "Often", "Late");
        var calendar = WorkingDayCalendar.EnglandAndWales;
        await WithDbAsync(async db =>
        {
            var referral = new Referral(child, null, new DateOnly(2025, 5, 28), "1B", "N1", AssessmentTeam, false, null, calendar);
            db.Referrals.Add(referral);
            var plan = ChildProtectionPlan.FromTransferInConference(referral, new DateOnly(2025, 6, 3), "NEG", "Northfield County Council", 1, chair, Today);
            var visited = plan.StartedOn;
            for (var i = 0; i < 27; i++)
            {
                // Every 12 working days: each visit 2 working days late on the 10-day rule.
                visited = calendar.AddWorkingDays(visited, 12);
                plan.RecordVisit(visited, true, false, Today);
            }

            db.ChildProtectionPlans.Add(plan);
            await db.SaveChangesAsync();
        });
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        await RefreshTimelinessAsync();

        var page = (await SendAsUserAsync(officer, new GetTimeliness.Query(new DateOnly(2025, 6, 1), Today))).Indicators.Single(i => i.Key == GetTimeliness.Keys.ProtectionVisits);
        var download = (await SendAsUserAsync(officer, new GetTimeliness.Query(new DateOnly(2025, 6, 1), Today, NameEvery: true))).Indicators.Single(i => i.Key == GetTimeliness.Keys.ProtectionVisits);

        Assert.Equal((0, 27, 27), (page.InTime, page.Total, page.NotInTime));
        Assert.Equal(Enumerable.Repeat("Often Late", 25), page.Late.Select(l => l.Who));
        Assert.Equal(27, download.Late.Count);
        Assert.All(download.Late, l => Assert.Equal(("Often Late", "2 working days"), (l.Who, l.LateBy)));
    }

    [Fact]
    public async Task AContactDecidedOnItsDueDayButAfterItsDueTime_IsLateByHours()
    {
        var (contact, _) = await ContactAboutNewChildAsync();
        var due = await WithDbAsync(db => db.Contacts.Where(c => c.Id == contact).Select(c => c.DecisionDueAtUtc).SingleAsync());
        Factory.Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)).AddMinutes(90));
        await DecideAsync(Practitioner, contact, ContactOutcome.NoFurtherAction);
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        await RefreshTimelinessAsync();

        var late = Assert.Single((await SendAsUserAsync(officer, new GetTimeliness.Query(Today, DateOnly.FromDateTime(due)))).Indicators.Single(i => i.Key == GetTimeliness.Keys.Contacts).Late);

        Assert.Equal((DateOnly.FromDateTime(due), DateOnly.FromDateTime(due), "2 hours"), (late.Due, late.Happened, late.LateBy));
    }

    [Fact]
    public async Task TheFigures_AreBroughtUpToDateFromWhatChangedSinceTheLastRefresh_AndThePageSaysWhen()
    {
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        var client = ClientFor(officer);
        Assert.Contains("The figures are being worked out for the first time", await PageAsync(client, "/Performance/Timeliness"), StringComparison.Ordinal);

        await CouncilAsync();
        var first = await RefreshTimelinessAsync();
        Assert.True(first.Rebuilt);
        Assert.Contains($"Figures brought up to date on {ChildrenServices.Application.UkTime.ToLocal(first.AsAtUtc):d MMMM yyyy 'at' HH:mm}", await PageAsync(client, "/Performance/Timeliness"), StringComparison.Ordinal);
        GetTimeliness.Indicator Visits(GetTimeliness.Result r) => r.Indicators.Single(i => i.Key == GetTimeliness.Keys.ChildInNeedVisits);
        Assert.Equal((1, 1), (Visits(await SendAsUserAsync(officer, new GetTimeliness.Query(From, Today))).InTime, Visits(await SendAsUserAsync(officer, new GetTimeliness.Query(From, Today))).Total));

        // A late visit recorded after the refresh (due Thursday 8 October, 20 working days after the last; made Friday 23
        // October) counts from the next refresh, which works out only the plan that changed.
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await WithDbAsync(async db =>
        {
            var plan = await db.ChildInNeedPlans.Include(p => p.Visits).SingleAsync();
            plan.RecordVisit(D(10, 23), true, false, Today);
            await db.SaveChangesAsync();
        });
        Assert.Equal(1, Visits(await SendAsUserAsync(officer, new GetTimeliness.Query(From, Today))).Total);
        var second = await RefreshTimelinessAsync();
        Assert.Equal((false, 1), (second.Rebuilt, second.Records));
        var after = Visits(await SendAsUserAsync(officer, new GetTimeliness.Query(From, Today)));
        Assert.Equal((1, 2, D(10, 8), "11 working days"), (after.InTime, after.Total, Assert.Single(after.Late).Due, after.Late[0].LateBy));
    }
}
