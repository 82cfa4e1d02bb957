using ChildrenServices.Application.DataQuality;
using ChildrenServices.Application.Performance;
using ChildrenServices.DemoData;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Seeding;

/// <summary>
/// The synthetic council generator (`seed --children N --years Y`) builds years of history through the domain's rules:
/// nothing it records is refused, what it leaves open today is consistent (one open episode of need, a lead worker in
/// the team holding it, plans and care only on an open episode), and the history has the shape a performance officer
/// needs to see (most contacts ending without a referral, re-referrals, assessments in and out of time, plans and care
/// ended and still open). The seed command prints the timings; this is not a timing test.
/// </summary>
public sealed class CouncilGeneratorTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Council_OfYearsOfHistory_FollowsTheRulesAndHasTheShapeOfARealCouncil()
    {
        CouncilCounts counts;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            counts = await scope.ServiceProvider.GetRequiredService<CouncilSeeder>().SeedAsync(1200, 3, new DemoSeedTimings())
                ?? throw new InvalidOperationException("The database already had staff");
        }

        // Every step was one the domain accepted.
        Assert.Empty(counts.Refusals);
        Assert.True(counts.Children >= 1200);
        Assert.Equal(counts.Children, await WithDbAsync(db => db.People.CountAsync(p => p.Type == Domain.People.PersonType.Child)));

        // The app's own data check finds no child with two open episodes of need, plans or periods of care.
        var checks = await WithDbAsync(db => CheckOneOpenRecords.RunAsync(db, CancellationToken.None));
        Assert.All(checks, check => Assert.Empty(check.Findings));

        // What is open today hangs together: plans, enquiries, assessments and care only on an open episode of need,
        // and every child with an open episode led by one worker in the team holding it (or waiting for allocation).
        var openReferrals = await WithDbAsync(db => db.Referrals.Where(r => r.Status == ReferralStatus.Open).Select(r => new { r.ChildId, r.TeamId, r.ReferralDate }).ToListAsync());
        var open = openReferrals.ToDictionary(r => r.ChildId);
        Assert.All(await WithDbAsync(db => db.ChildInNeedPlans.Where(p => p.EndedOn == null).Select(p => p.ChildId).ToListAsync()), c => Assert.True(open.ContainsKey(c)));
        Assert.All(await WithDbAsync(db => db.ChildProtectionPlans.Where(p => p.EndedOn == null).Select(p => p.ChildId).ToListAsync()), c => Assert.True(open.ContainsKey(c)));
        Assert.All(await WithDbAsync(db => db.PeriodsOfCare.Where(p => p.EndedOn == null).Select(p => p.ChildId).ToListAsync()), c => Assert.True(open.ContainsKey(c)));
        Assert.All(await WithDbAsync(db => db.ChildAndFamilyAssessments.Where(a => a.AuthorisedOn == null).Select(a => a.ChildId).ToListAsync()), c => Assert.True(open.ContainsKey(c)));
        var leads = await WithDbAsync(db => db.Allocations.Where(a => a.EndedOn == null && a.Role == AllocationRole.Lead).Select(a => new { a.ChildId, a.TeamId }).ToListAsync());
        Assert.All(leads.GroupBy(l => l.ChildId), g => Assert.Single(g));
        var calendar = WorkingDayCalendar.EnglandAndWales;
        foreach (var referral in openReferrals)
        {
            var lead = leads.SingleOrDefault(l => l.ChildId == referral.ChildId);
            if (lead is null)
            {
                // Waiting for a worker: referred in the last few working days.
                Assert.True(calendar.AddWorkingDays(referral.ReferralDate, 3) >= Today, $"A referral of {referral.ReferralDate} has no lead worker");
            }
            else
            {
                Assert.Equal(referral.TeamId, lead.TeamId);
            }
        }

        // The shape of the history: contacts mostly end without a referral; re-referrals happen; assessments are mostly
        // in time and some are late; plans and care both ended and still open; children move placements; families step
        // up and down with the manager's approval; case notes are written as the work goes on.
        var decisions = await WithDbAsync(db => db.ContactDecisions.Select(d => d.Outcome).ToListAsync());
        Assert.InRange(decisions.Count(o => o.OpensReferral()) / (double)decisions.Count, 0.2, 0.5);
        Assert.Contains(decisions, o => o == ContactOutcome.NoFurtherAction);
        Assert.Contains(decisions, o => o == ContactOutcome.AdviceOnly);
        Assert.Contains(decisions, o => o == ContactOutcome.EarlyHelp);
        Assert.True(await WithDbAsync(db => db.Referrals.AnyAsync(r => r.IsReReferral)));
        var years = await WithDbAsync(db => db.Referrals.Select(r => r.ReferralDate.Year).Distinct().CountAsync());
        Assert.True(years >= 3, $"Referrals in {years} calendar years");
        var assessments = await WithDbAsync(db => db.ChildAndFamilyAssessments.Where(a => a.AuthorisedOn != null).Select(a => new { a.AuthorisedOn, a.DueOn }).ToListAsync());
        var late = assessments.Count(a => a.AuthorisedOn > a.DueOn);
        Assert.InRange(late / (double)assessments.Count, 0.05, 0.4);
        Assert.True(await WithDbAsync(db => db.ChildInNeedPlans.AnyAsync(p => p.EndedOn == null)) && await WithDbAsync(db => db.ChildInNeedPlans.AnyAsync(p => p.EndedOn != null)));
        Assert.True(await WithDbAsync(db => db.ChildProtectionPlans.AnyAsync(p => p.EndedOn == null)) && await WithDbAsync(db => db.ChildProtectionPlans.AnyAsync(p => p.EndedOn != null)));
        var planLengths = await WithDbAsync(db => db.ChildProtectionPlans.Where(p => p.EndedOn != null).Select(p => new { p.StartedOn, p.EndedOn }).ToListAsync());
        Assert.Contains(planLengths, p => p.EndedOn!.Value.DayNumber - p.StartedOn.DayNumber < 183);
        Assert.Contains(planLengths, p => p.EndedOn!.Value.DayNumber - p.StartedOn.DayNumber > 365);
        Assert.True(await WithDbAsync(db => db.PeriodsOfCare.AnyAsync(p => p.EndedOn == null)) && await WithDbAsync(db => db.PeriodsOfCare.AnyAsync(p => p.EndedOn != null)));
        Assert.True(await WithDbAsync(db => db.Set<Domain.LookedAfter.CareEpisode>().GroupBy(e => e.PeriodOfCareId).AnyAsync(g => g.Count() > 1)));
        Assert.True(await WithDbAsync(db => db.EarlyHelpEpisodes.AnyAsync(e => e.EndedOn == null)) && await WithDbAsync(db => db.EarlyHelpEpisodes.AnyAsync(e => e.EndedOn != null)));
        Assert.True(await WithDbAsync(db => db.ApprovalRequests.AnyAsync(a => a.Kind == ApprovalKind.StepUp && a.Status == ApprovalStatus.Approved)));
        Assert.True(await WithDbAsync(db => db.ApprovalRequests.AnyAsync(a => a.Kind == ApprovalKind.StepDown && a.Status == ApprovalStatus.Approved)));
        Assert.True(await WithDbAsync(db => db.CaseNotes.CountAsync()) > counts.Children);

        // The performance officer's figures come from it: the counts today are the open records.
        var officer = await WithDbAsync(db => db.Staff.Where(s => s.Email == "performance@demo.example").Select(s => s.Id).SingleAsync());
        var today = (await SendAsUserAsync(officer, new GetServiceAtDates.Query([Today]))).Columns.Single();
        Assert.Equal(await WithDbAsync(db => db.ChildProtectionPlans.CountAsync(p => p.EndedOn == null)), today.ChildProtectionPlans);
        Assert.Equal(await WithDbAsync(db => db.PeriodsOfCare.CountAsync(p => p.EndedOn == null)), today.LookedAfter);
        Assert.Equal(await WithDbAsync(db => db.EarlyHelpEpisodes.CountAsync(e => e.EndedOn == null)), today.EarlyHelpFamilies);
        await RefreshTimelinessAsync();
        var timeliness = await SendAsUserAsync(officer, new GetTimeliness.Query(Today.AddYears(-1), Today));
        Assert.All(timeliness.Indicators, i => Assert.True(i.Total > 0 && i.InTime < i.Total, $"{i.Name}: {i.InTime} of {i.Total} in time"));
    }
}
