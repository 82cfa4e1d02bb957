using System.Net;
using ChildrenServices.Application.Performance;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Performance;

/// <summary>Flow through the service on a small hand-built council whose answers are counted by hand here.</summary>
public sealed class FlowTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private static readonly DateOnly From = new(2026, 4, 1);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>
    /// In the period (1 April to 24 November 2026): two contacts today by phone from a school (2A), one decided no further
    /// action and one a referral. Referrals: the contact's, and child A's on 1 May and again on 1 September (a re-referral).
    /// Two assessments authorised, one ending in no further action. A step-up requested on 2 November and approved on
    /// Thursday 5 November with a rationale (3 working days), and a step-down still waiting. Child protection plans: one from
    /// 2 June 2024 ended 1 July 2026 (over two years), one from 1 March 2026 ended 1 October (not); one starting 1 June 2026
    /// for a child transferred in under another council's plan, and one from an initial conference on 4 August for a child
    /// with none before. Looked after today: a child
    /// who moved twice this year after a placement that began last year (three placements), and one who moved once.
    /// </summary>
    private async Task CouncilAsync()
    {
        var chair = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        var children = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            children.Add(await CreateChildAsync(Practitioner, $"Child{i}", "Flowing"));
        }

        var calendar = WorkingDayCalendar.EnglandAndWales;
        var (nfa, _) = await ContactAboutNewChildAsync("Ava", "Brook");
        await DecideAsync(Practitioner, nfa, ContactOutcome.NoFurtherAction);
        var (referred, _) = await ContactAboutNewChildAsync("Noah", "Brook");
        await DecideAsync(Practitioner, referred, ContactOutcome.Referral);
        await WithDbAsync(async db =>
        {
            Referral ReferralFor(int child, DateOnly on, Referral? previous = null)
            {
                var referral = new Referral(children[child], null, on, "1B", "N1", AssessmentTeam, false, previous, calendar);
                db.Referrals.Add(referral);
                return referral;
            }

            var first = ReferralFor(0, D(2026, 5, 1));
            first.Close(D(2026, 6, 1), "RC8");
            ReferralFor(0, D(2026, 9, 1), first);

            ChildAndFamilyAssessment Assessed(int child, AssessmentOutcome outcome)
            {
                var assessment = new ChildAndFamilyAssessment(ReferralFor(child, D(2026, 9, 7)), D(2026, 9, 7), AssessmentManager, Today);
                assessment.RecordSeen(D(2026, 9, 8), alone: true, Today);
                assessment.Record("Analysis.", ["21"], outcome, null);
                assessment.Submit(D(2026, 10, 1));
                assessment.Authorise(AssessmentManager, D(2026, 10, 2));
                return assessment;
            }

            db.ChildAndFamilyAssessments.AddRange(Assessed(1, AssessmentOutcome.NoFurtherAction), Assessed(2, AssessmentOutcome.EarlyHelp));

            var stepUp = new ApprovalRequest(ApprovalKind.StepUp, AssessmentTeam, null, [children[3]], "Neglect is getting worse despite the plan.", keyworker, new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc));
            stepUp.Decide(true, "Agreed: the school's concerns are rising.", AssessmentManager, managesTheTeam: true, new DateTime(2026, 11, 5, 15, 0, 0, DateTimeKind.Utc));
            db.ApprovalRequests.AddRange(stepUp, ApprovalRequest.StepDown(StepDownStage.EndOfAssessment, AssessmentTeam, [children[4]], "Needs can be met by early help.", keyworker, new DateTime(2026, 11, 10, 10, 0, 0, DateTimeKind.Utc)));

            var longPlan = ChildProtectionPlan.FromTransferInConference(ReferralFor(5, D(2024, 5, 28)), D(2024, 6, 4), "NEG", "Northfield County Council", 1, chair, Today);
            longPlan.EndOutsideConference(D(2026, 7, 1), ChildProtectionPlanEnd.MovedToAnotherCouncil, "Moved away.", null, Today);
            var shortPlan = ChildProtectionPlan.FromTransferInConference(ReferralFor(6, D(2026, 2, 24)), D(2026, 3, 3), "EMO", "Northfield County Council", 1, chair, Today);
            shortPlan.EndOutsideConference(D(2026, 10, 1), ChildProtectionPlanEnd.MovedToAnotherCouncil, "Moved away.", null, Today);
            var again = ChildProtectionPlan.FromTransferInConference(ReferralFor(7, D(2026, 5, 26)), D(2026, 6, 2), "PHY", "Northfield County Council", 1, chair, Today);
            var enquiry = new ChildProtectionEnquiry(ReferralFor(3, D(2026, 7, 27)), D(2026, 7, 28), "Police, school", true, "Bruising.", calendar, Today);
            enquiry.RecordSection47Outcome(D(2026, 7, 31), "Physical abuse.", true, Today);
            enquiry.RecordConference(D(2026, 8, 4), ConferenceOutcome.ChildProtectionPlan, "PHY", chair, Today);
            db.ChildProtectionEnquiries.Add(enquiry);
            db.ChildProtectionPlans.AddRange(longPlan, shortPlan, again, new ChildProtectionPlan(enquiry));

            static Placement Foster(string carer, string postcode) => new("U6", "PR1", postcode, carer, false, urn: "SC123456");
            var moved = PeriodOfCare.Start(children[1], D(2025, 6, 2), "C1", "N1", Foster("Smith family", "SN1 2AB"), null, Today);
            moved.ChangePlacement(D(2026, 2, 2), Foster("Jones family", "SN2 2AB"), false, Today, "CARPL");
            moved.ChangePlacement(D(2026, 9, 1), Foster("Brown family", "SN3 2AB"), false, Today, "CARPL");
            var once = PeriodOfCare.Start(children[2], D(2026, 3, 2), "C1", "N1", Foster("Green family", "SN4 2AB"), null, Today);
            once.ChangePlacement(D(2026, 6, 1), Foster("White family", "SN5 2AB"), false, Today, "CARPL");
            db.PeriodsOfCare.AddRange(moved, once);
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task TheFlowMeasures_CountWhatHappenedInThePeriod()
    {
        await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");

        var r = await SendAsUserAsync(officer, new GetFlow.Query(From, Today));

        Assert.Equal(2, r.Contacts);
        Assert.Equal(new GetFlow.Row("SCHOOLS (2A)", 2), Assert.Single(r.BySource));
        Assert.Equal(new GetFlow.Row("Phone consultation", 2), Assert.Single(r.ByRoute));
        Assert.Equal((new GetFlow.Share(1, 2), new GetFlow.Share(1, 2)), (r.AdviceOrNoFurtherAction, r.ToReferral));
        Assert.Equal(new GetFlow.Share(1, 2), r.AssessmentsEndingInNoFurtherAction);
        // Referrals dated in the period: the contact's, child A's two, the two assessed children's, and the plans' from
        // 26 May and 27 July (the others are dated before 1 April): seven, one a re-referral.
        Assert.Equal(new GetFlow.Share(1, 7), r.ReReferrals);
        var up = r.StepsTaken.Single(s => s.Kind == "Step-up");
        Assert.Equal((1, 1, 0, 0, (int?)3, new GetFlow.Share(1, 1)), (up.Requested, up.Approved, up.Rejected, up.Waiting, up.MedianWorkingDays, up.FullyRecorded));
        var down = r.StepsTaken.Single(s => s.Kind == "Step-down");
        Assert.Equal((1, 0, 1, (int?)null, new GetFlow.Share(0, 0)), (down.Requested, down.Approved, down.Waiting, down.MedianWorkingDays, down.FullyRecorded));
        Assert.Equal(new GetFlow.Share(1, 2), r.ProtectionPlansLastingTwoYears);
        Assert.Equal(new GetFlow.Share(1, 2), r.SecondOrLaterProtectionPlans);
        Assert.Equal(new GetFlow.Share(1, 2), r.LookedAfterWithThreePlacements);

        // The assessment team's view: its referrals and step-ups, the work on children it led on the day, and no contacts. It
        // led the long plan's child until the day that plan ended (1 July), and the short plan's child only from the day after
        // that plan ended (2 October): so one plan ended in the team's hands, and it had lasted two years.
        var worker = await AssessmentSocialWorkerAsync();
        await WithDbAsync(async db =>
        {
            var longPlan = await db.ChildProtectionPlans.Where(p => p.StartedOn == D(2024, 6, 4)).Select(p => p.ChildId).SingleAsync();
            var shortPlan = await db.ChildProtectionPlans.Where(p => p.StartedOn == D(2026, 3, 3)).Select(p => p.ChildId).SingleAsync();
            var untilTheEnd = new Allocation(longPlan, worker, AssessmentTeam, AllocationRole.Lead, D(2024, 6, 4), AssessmentManager);
            untilTheEnd.End(D(2026, 7, 1));
            db.Allocations.AddRange(untilTheEnd, new Allocation(shortPlan, worker, AssessmentTeam, AllocationRole.Lead, D(2026, 10, 2), AssessmentManager));
            await db.SaveChangesAsync();
        });
        var team = await SendAsUserAsync(officer, new GetFlow.Query(From, Today, AssessmentTeam));
        Assert.Equal((0, 0, new GetFlow.Share(1, 7), new GetFlow.Share(0, 0), new GetFlow.Share(0, 0)),
            (team.Contacts, team.BySource.Count, team.ReReferrals, team.AssessmentsEndingInNoFurtherAction, team.LookedAfterWithThreePlacements));
        Assert.Equal(new GetFlow.Share(1, 1), team.ProtectionPlansLastingTwoYears);
        Assert.Equal(1, team.StepsTaken.Single(s => s.Kind == "Step-up").Requested);
        Assert.Equal(0, (await SendAsUserAsync(officer, new GetFlow.Query(From, Today, EarlyHelpTeam))).StepsTaken.Sum(s => s.Requested));
    }

    [Fact]
    public async Task ThePage_ShowsTheMeasures_RefusesAPeriodTheWrongWayRound_AndDownloads()
    {
        await CouncilAsync();
        var officer = ClientFor(await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist"));
        Assert.Contains("<a class=\"govuk-link\" href=\"/Performance/Flow\">Flow through the service</a>", await PageAsync(officer, "/Performance"), StringComparison.Ordinal);

        var page = await PageAsync(officer, "/Performance/Flow?From.Day=1&From.Month=4&From.Year=2026&To.Day=24&To.Month=11&To.Year=2026");
        Assert.Contains("Looked-after children with three or more placements in the year", page, StringComparison.Ordinal);
        var csv = await (await officer.GetAsync("/Performance/Flow/Csv?From.Day=1&From.Month=4&From.Year=2026&To.Day=24&To.Month=11&To.Year=2026", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Re-referrals within 12 months,1,referrals,7,14\r\n", csv, StringComparison.Ordinal);

        // Each measure drawn as a per cent beside the table: re-referrals, 1 of 7 (14%), is a bar of 14% of the 416 units
        // left beside the figures, 58.2 long.
        var chart = (await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(page, TestContext.Current.CancellationToken)).QuerySelector("figure#flow-chart")!;
        var labels = chart.QuerySelectorAll("text.app-chart__label").Select(t => t.TextContent).ToList();
        var reReferrals = labels.IndexOf("Re-referrals within 12 months");
        Assert.Equal(("58.2", "14%"), (chart.QuerySelectorAll("rect.app-chart__bar")[reReferrals].GetAttribute("width"), chart.QuerySelectorAll("text.app-chart__value")[reReferrals].TextContent));

        // Every table downloads as CSV from its own link on the page.
        Task<string> Download(string text) => DownloadTextAsync(officer, page, text);

        Assert.StartsWith("Source,Contacts\r\n", await Download("contacts by source (CSV)"), StringComparison.Ordinal);
        Assert.StartsWith("Route,Contacts\r\n", await Download("contacts by route (CSV)"), StringComparison.Ordinal);
        Assert.StartsWith("Decision in force,Contacts\r\n", await Download("what contacts led to (CSV)"), StringComparison.Ordinal);
        var steps = await Download("step-ups and step-downs (CSV)");
        Assert.StartsWith("Kind,Requested,Approved,Rejected,Waiting,Median working days to decide,Reasons and rationale recorded,Decided\r\n", steps, StringComparison.Ordinal);
        Assert.Contains("Step-up,1,1,0,0,3,1,1\r\n", steps, StringComparison.Ordinal);

        var notATeam = await officer.GetAsync("/Performance/Flow?Team=not-a-team", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, notATeam.StatusCode);
        Assert.Contains("<p id=\"Team-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> Select a team from the list</p>", await notATeam.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var backwards = await officer.GetAsync("/Performance/Flow?From.Day=1&From.Month=6&From.Year=2026&To.Day=1&To.Month=5&To.Year=2026", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("The end of the period must not be before its start", await backwards.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
