using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using ChildrenServices.Application.Performance;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Performance;

/// <summary>
/// The service on chosen dates, worked out on a small hand-built council whose right answers are worked out here: open on a
/// date means started on or before it and not ended on or before it. A restricted child is counted.
/// </summary>
public sealed class ServiceAtDatesTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private static readonly DateOnly Mar31 = new(2026, 3, 31);
    private static readonly DateOnly Jun30 = new(2026, 6, 30);
    private static readonly DateOnly Sep30 = new(2026, 9, 30);

    private static DateOnly D(int month, int day) => new(2026, month, day);

    /// <summary>
    /// Child in need plans: A from 31 March (the first chosen date) to 30 June (the second), B from 1 April, open. A child
    /// protection plan C, on a restricted child, from 15 January to 1 July. Looked after: D from 10 February to 30 September,
    /// E from 30 September (the day D ended), open, H from 15 August to 20 October. Early help: a family of two from 1 March
    /// to 30 June, and a family of one from 1 October, open.
    /// </summary>
    private async Task CouncilAsync()
    {
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        var chair = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        var children = new List<Guid>();
        for (var i = 0; i < 9; i++)
        {
            children.Add(await CreateChildAsync(Practitioner, $"Child{i}", "Testfamily"));
        }

        var calendar = WorkingDayCalendar.EnglandAndWales;
        await WithDbAsync(async db =>
        {
            Referral ReferralFor(Guid child, DateOnly on)
            {
                var referral = new Referral(child, null, on, "1B", "N1", AssessmentTeam, false, null, calendar);
                db.Referrals.Add(referral);
                return referral;
            }

            var a = new ChildInNeedPlan(ReferralFor(children[0], D(3, 1)), Mar31, Today);
            a.End(Jun30, "Needs met", Today);
            db.ChildInNeedPlans.Add(a);
            db.ChildInNeedPlans.Add(new ChildInNeedPlan(ReferralFor(children[1], D(3, 2)), D(4, 1), Today));

            var c = ChildProtectionPlan.FromTransferInConference(ReferralFor(children[2], D(1, 5)), D(1, 15), "EMO", "Northfield County Council", 1, chair, Today);
            c.EndOutsideConference(D(7, 1), ChildProtectionPlanEnd.MovedToAnotherCouncil, "The family moved to another council.", null, Today);
            db.ChildProtectionPlans.Add(c);
            (await db.People.SingleAsync(p => p.Id == children[2])).Restrict(Domain.People.RestrictionReason.HighProfile, Today, Today.AddMonths(6), []);

            static Placement Foster(string carer) => new("U6", "PR1", "SN1 2AB", carer, false, urn: "SC123456");
            var d = PeriodOfCare.Start(children[3], D(2, 10), "C1", "N1", Foster("Smith family"), null, Today);
            d.End(Sep30, "E13", Today);
            var e = PeriodOfCare.Start(children[4], Sep30, "V2", "N1", Foster("Jones family"), null, Today);
            var h = PeriodOfCare.Start(children[5], D(8, 15), "V2", "N1", Foster("Brown family"), null, Today);
            h.End(D(10, 20), "E13", Today);
            db.PeriodsOfCare.AddRange(d, e, h);

            var f = new EarlyHelpEpisode("Testfamily", EpisodeKind.EarlyHelp, null, EpisodeStart.PartnerRequest, null, D(3, 1), EarlyHelpTeam, keyworker, [children[6], children[7]]);
            f.End(Jun30, EpisodeEndReason.NeedsMet, "Goals met.");
            db.EarlyHelpEpisodes.AddRange(f, new EarlyHelpEpisode("Testfamily", EpisodeKind.EarlyHelp, null, EpisodeStart.PartnerRequest, null, D(10, 1), EarlyHelpTeam, keyworker, [children[8]]));
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task FourDatesSideBySide_CountWhatWasOpenAtTheEndOfEachDay_IncludingARestrictedChild()
    {
        await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");

        var result = await SendAsUserAsync(officer, new GetServiceAtDates.Query([Mar31, Jun30, Sep30, Today]));

        Assert.Equal(
            [
                new GetServiceAtDates.Column(Mar31, EarlyHelpChildren: 2, EarlyHelpFamilies: 1, ChildInNeedPlans: 1, ChildProtectionPlans: 1, LookedAfter: 1),
                new GetServiceAtDates.Column(Jun30, EarlyHelpChildren: 0, EarlyHelpFamilies: 0, ChildInNeedPlans: 1, ChildProtectionPlans: 1, LookedAfter: 1),
                new GetServiceAtDates.Column(Sep30, EarlyHelpChildren: 0, EarlyHelpFamilies: 0, ChildInNeedPlans: 1, ChildProtectionPlans: 0, LookedAfter: 2),
                new GetServiceAtDates.Column(Today, EarlyHelpChildren: 1, EarlyHelpFamilies: 1, ChildInNeedPlans: 1, ChildProtectionPlans: 0, LookedAfter: 1),
            ],
            result.Columns);
    }

    /// <summary>
    /// A team counts a plan or a period of care only for the days a worker in it led the child, both ends of the lead
    /// included. B's child in need plan (from 1 April, open) is led by the assessment team from 1 April to 31 May, then by
    /// the front door team from 1 June. The restricted child C's protection plan (15 January to 1 July) is led by the
    /// assessment team throughout. D, looked after from 10 February to 30 September, is led by the assessment team only
    /// from 1 June to 30 June, so is counted with it on 30 June (the lead's last day) and on no other date.
    /// </summary>
    [Fact]
    public async Task ATeamsView_CountsItsEarlyHelpEpisodes_AndEachPlanOrPeriodOfCareOnlyForTheDaysTheTeamLedTheChild()
    {
        await CouncilAsync();
        var worker = await AssessmentSocialWorkerAsync();
        await WithDbAsync(async db =>
        {
            var b = await db.ChildInNeedPlans.Where(p => p.EndedOn == null).Select(p => p.ChildId).SingleAsync();
            var c = await db.ChildProtectionPlans.Select(p => p.ChildId).SingleAsync();
            var d = await db.PeriodsOfCare.Where(p => p.StartedOn == D(2, 10)).Select(p => p.ChildId).SingleAsync();
            Allocation Lead(Guid child, Guid team, DateOnly from, DateOnly? to)
            {
                var lead = new Allocation(child, worker, team, AllocationRole.Lead, from, AssessmentManager);
                if (to is { } end)
                {
                    lead.End(end);
                }

                return lead;
            }

            db.Allocations.AddRange(
                Lead(b, AssessmentTeam, D(4, 1), D(5, 31)),
                Lead(b, FrontDoorTeam, D(6, 1), null),
                Lead(c, AssessmentTeam, D(1, 15), null),
                Lead(d, AssessmentTeam, D(6, 1), Jun30));
            await db.SaveChangesAsync();
        });
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        var dates = new[] { Mar31, D(4, 30), Jun30, Sep30 };

        var assessment = await SendAsUserAsync(officer, new GetServiceAtDates.Query(dates, TeamId: AssessmentTeam));
        var frontDoor = await SendAsUserAsync(officer, new GetServiceAtDates.Query(dates, TeamId: FrontDoorTeam));
        var earlyHelp = await SendAsUserAsync(officer, new GetServiceAtDates.Query(dates, TeamId: EarlyHelpTeam));

        static IEnumerable<(int, int, int, int, int)> Counts(GetServiceAtDates.Result r) =>
            r.Columns.Select(c => (c.EarlyHelpChildren, c.EarlyHelpFamilies, c.ChildInNeedPlans, c.ChildProtectionPlans, c.LookedAfter));
        Assert.Equal([(0, 0, 0, 1, 0), (0, 0, 1, 1, 0), (0, 0, 0, 1, 1), (0, 0, 0, 0, 0)], Counts(assessment));
        Assert.Equal([(0, 0, 0, 0, 0), (0, 0, 0, 0, 0), (0, 0, 1, 0, 0), (0, 0, 1, 0, 0)], Counts(frontDoor));
        Assert.Equal([(2, 1, 0, 0, 0), (2, 1, 0, 0, 0), (0, 0, 0, 0, 0), (0, 0, 0, 0, 0)], Counts(earlyHelp));
    }

    [Fact]
    public async Task LookedAfterAtEachMonthEnd_WithTheChangeMonthOnMonth_TheMonthNotYetOverCountedToday()
    {
        await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");

        var result = await SendAsUserAsync(officer, new GetServiceAtDates.Query([Today], D(1, 1), D(11, 1)));

        Assert.Equal(
            [(D(1, 31), 0, null), (D(2, 28), 1, 1), (D(3, 31), 1, 0), (D(4, 30), 1, 0), (D(5, 31), 1, 0), (D(6, 30), 1, 0), (D(7, 31), 1, 0),
                (D(8, 31), 2, 1), (D(9, 30), 2, 0), (D(10, 31), 1, -1), (Today, 1, 0)],
            result.MonthEnds.Select(m => (m.On, m.LookedAfter, m.Change)).ToList());
    }

    [Fact]
    public async Task NoDates_AFutureDate_MoreThanSix_OrAMonthRangeBackwards_AreRefused_AndOnlyPerformanceReadersMayAsk()
    {
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");

        async Task<string> Refused(GetServiceAtDates.Query query) =>
            Assert.Single((await Assert.ThrowsAsync<FluentValidation.ValidationException>(async () => await SendAsUserAsync(officer, query))).Errors).ErrorMessage;

        Assert.Equal("Enter at least one date", await Refused(new([])));
        Assert.Equal("A date must be today or in the past", await Refused(new([Today.AddDays(1)])));
        Assert.Equal("Enter up to 6 dates", await Refused(new([.. Enumerable.Range(1, 7).Select(i => Today.AddDays(-i))])));
        Assert.Equal("The last month must not be before the first", await Refused(new([Today], D(6, 1), D(5, 1))));
        Assert.Equal("Choose up to 36 months", await Refused(new([Today], new DateOnly(2022, 1, 1), Today)));
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(keyworker, new GetServiceAtDates.Query([Today])));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string DateQuery(string field, DateOnly on) => $"{field}.Day={on.Day}&{field}.Month={on.Month}&{field}.Year={on.Year}";

    [Fact]
    public async Task ThePage_ShowsTheLastThreeQuarterEndsAndToday_AtFirst_AndTheTablesDownloadAsCsvAndExcel()
    {
        await CouncilAsync();
        var officer = ClientFor(await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist"));

        var first = await PageAsync(officer, "/Performance/Dates");
        foreach (var heading in new[] { "31 March 2026", "30 June 2026", "30 September 2026", "24 November 2026" })
        {
            Assert.Contains($"<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">{heading}</th>", first, StringComparison.Ordinal);
        }

        Assert.Contains("<a class=\"govuk-link\" href=\"/Performance/Dates\">The service at any date</a>", await PageAsync(officer, "/Performance"), StringComparison.Ordinal);
        var page = await PageAsync(officer, $"/Performance/Dates?{DateQuery("Date1", Mar31)}&{DateQuery("Date2", Sep30)}&FromMonth=2026-07&ToMonth=2026-10");
        var csv = await officer.GetAsync(DownloadLink(page, "counts at dates (CSV)"), Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            "\uFEFFMeasure,2026-03-31,2026-09-30,Definition\r\n"
            + "Children in early help,2,0,Children in an early help or support episode that had started and not ended\r\n"
            + "Families in early help,1,0,Early help and support episodes (one per family) that had started and not ended\r\n"
            + "Children on a child in need plan,1,1,Child in need plans that had started and not ended\r\n"
            + "Children on a child protection plan,1,0,Child protection plans that had started and not ended\r\n"
            + "Children looked after,1,2,Periods of care that had started and not ended (SSDA903)\r\n",
            System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)));
        var months = await (await officer.GetAsync(DownloadLink(page, "looked after by month (CSV)"), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Equal("Month end,Children looked after,Change on the month before\r\n2026-07-31,1,\r\n2026-08-31,2,1\r\n2026-09-30,2,0\r\n2026-10-31,1,-1\r\n", months.TrimStart('\uFEFF'));

        var workbook = await officer.GetAsync(DownloadLink(page, "both tables (Excel workbook)"), Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await workbook.Content.ReadAsByteArrayAsync(Ct)));
        string Part(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        Assert.Contains("name=\"Counts at dates\"", Part("xl/workbook.xml"), StringComparison.Ordinal);
        Assert.Contains("name=\"Looked after by month\"", Part("xl/workbook.xml"), StringComparison.Ordinal);
        Assert.Contains("Children looked after", Part("xl/worksheets/sheet1.xml"), StringComparison.Ordinal);
        Assert.Contains("Change on the month before", Part("xl/worksheets/sheet2.xml"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The month-end series is drawn as a chart beside its table: one column a month, each named with its figure, scaled to
    /// a round top. July to October hold 1, 2, 2 and 1 looked-after children; the scale's top is 4 (four steps of 1), so in
    /// the chart's 200-unit plot the columns stand 50, 100, 100 and 50 high. The drawing is one image named by its title,
    /// described as the table's figures, so a screen reader reads the table and not the drawing.
    /// </summary>
    [Fact]
    public async Task TheMonthEndSeries_IsDrawnAsAChartBesideItsTable_OneColumnAMonth_ToScale()
    {
        await CouncilAsync();
        var officer = ClientFor(await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist"));

        var html = await PageAsync(officer, $"/Performance/Dates?{DateQuery("Date1", Sep30)}&FromMonth=2026-07&ToMonth=2026-10");

        var document = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(html, Ct);
        var figure = document.QuerySelector("figure#months-chart")!;
        Assert.NotNull(figure);
        var svg = figure.QuerySelector("svg")!;
        Assert.Equal(("img", "months-chart-title months-chart-desc"), (svg.GetAttribute("role"), svg.GetAttribute("aria-labelledby")));
        Assert.Equal("Children looked after at each month end", figure.QuerySelector("#months-chart-title")!.TextContent);
        Assert.Contains("The same figures are in the table", figure.QuerySelector("#months-chart-desc")!.TextContent, StringComparison.Ordinal);
        var columns = figure.QuerySelectorAll("rect.app-chart__bar");
        Assert.Equal(["Jul 26: 1", "Aug 26: 2", "Sept 26: 2", "Oct 26: 1"], columns.Select(c => c.QuerySelector("title")!.TextContent));
        Assert.Equal(["50", "100", "100", "50"], columns.Select(c => c.GetAttribute("height")));
        Assert.Equal(["0", "1", "2", "3", "4"], figure.QuerySelectorAll("text.app-chart__axis").Take(5).Select(t => t.TextContent));
        // Beside the table holding the same figures: the two halves of one row.
        var row = figure.ParentElement!.ParentElement!;
        Assert.Contains("govuk-grid-row", row.ClassName, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("table"));
    }

    [Fact]
    public async Task AFutureDate_OrAnUnrealOne_ComesBackBesideItsField_WithWhatWasTypedKept()
    {
        var officer = ClientFor(await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist"));

        var future = await officer.GetAsync($"/Performance/Dates?{DateQuery("Date1", Mar31)}&{DateQuery("Date2", Today.AddDays(1))}", Ct);
        var html = await future.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("<p id=\"Date2-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> A date must be today or in the past</p>", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Date2.Day\" type=\"text\" inputmode=\"numeric\" value=\"{Today.AddDays(1).Day}\"", html, StringComparison.Ordinal);

        var unreal = await officer.GetAsync("/Performance/Dates?Date1.Day=31&Date1.Month=2&Date1.Year=2026&FromMonth=nonsense&ToMonth=2026-10", Ct);
        var unrealHtml = await unreal.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unreal.StatusCode);
        Assert.Contains("id=\"Date1-error\"", unrealHtml, StringComparison.Ordinal);
        Assert.Contains("<p id=\"FromMonth-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> Select a month from the list</p>", unrealHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/Performance/Dates/Csv?{DateQuery("Date1", Today.AddDays(3))}&table=dates", Ct)).StatusCode);
    }
}
