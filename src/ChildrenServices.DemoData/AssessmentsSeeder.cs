using ChildrenServices.Application;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.DemoData;

/// <summary>
/// Development only: child and family assessments at every stage for children the assessment team
/// holds, so worktrays show deadlines on track, due soon and overdue. Each child gets a referral and an
/// assessment built as the use cases build them: not started; in progress; overdue without a reason;
/// waiting for the manager's authorisation (on the approvals queue); authorised with a child in need
/// plan as the outcome. No random generator, so the data seeded before stays as it was. Text is made up.
/// </summary>
internal sealed class AssessmentsSeeder(AppDbContext db, TimeProvider clock)
{
    private const string Analysis =
        "The worry at referral was the children being left alone in the evenings while mum works late shifts, and a fall the youngest had on the stairs. " +
        "Mum is warm and the children are attached to her; she has no family nearby and childcare fell through in September. The children told me " +
        "they watch films and the eldest makes tea. Nobody has been hurt since, but a nine-year-old is caring for a four-year-old three nights a week. " +
        "What needs to happen: a safe childcare plan for late shifts, and mum's employer asked about fixed early shifts.";

    private readonly WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;

    private enum Stage
    {
        NotStarted,
        InProgress,
        Overdue,
        AwaitingAuthorisation,
        Authorised,
    }

    public async Task SeedAsync()
    {
        var today = UkTime.Today(clock);
        var team = await db.Teams.Where(t => t.Kind == TeamKind.Assessment).OrderBy(t => t.Name).Select(t => new { t.Id, t.ManagerId }).FirstAsync();
        var referred = db.Referrals.Select(r => r.ChildId);
        var children = await db.Allocations
            .Where(a => a.TeamId == team.Id && a.EndedOn == null && a.Role == AllocationRole.Lead && !referred.Contains(a.ChildId))
            .Join(db.People.Where(p => p.Type == PersonType.Child && p.DateOfBirth != null && p.Restriction == null), a => a.ChildId, p => p.Id, (a, p) => new { p.Id, a.WorkerId, p.FamilyName })
            .OrderBy(x => x.FamilyName).ThenBy(x => x.Id)
            .ToListAsync();
        var stages = new[] { Stage.NotStarted, Stage.InProgress, Stage.Overdue, Stage.AwaitingAuthorisation, Stage.Authorised, Stage.InProgress, Stage.Overdue, Stage.NotStarted };
        for (var i = 0; i < children.Count && i < stages.Length; i++)
        {
            var (child, stage) = (children[i], stages[i]);
            var daysAgo = stage switch
            {
                Stage.NotStarted => 4,
                Stage.InProgress => 38 + i,
                Stage.Overdue => 50 + i,
                Stage.AwaitingAuthorisation => 30,
                _ => 60,
            };
            var referralDate = calendar.AddWorkingDays(today, -daysAgo);
            var referral = new Referral(child.Id, null, referralDate, i % 2 == 0 ? "2A" : "6", i % 3 == 0 ? "N4" : "N1", team.Id, false, null, calendar);
            db.Referrals.Add(referral);
            if (stage == Stage.NotStarted)
            {
                continue;
            }

            var started = calendar.AddWorkingDays(referralDate, 2);
            var assessment = new ChildAndFamilyAssessment(referral, started, child.WorkerId, today);
            db.ChildAndFamilyAssessments.Add(assessment);
            assessment.RecordSeen(calendar.AddWorkingDays(started, 3), alone: false, today);
            if (stage == Stage.InProgress)
            {
                continue;
            }

            assessment.RecordSeen(calendar.AddWorkingDays(started, 9), alone: true, today);
            assessment.Record(Analysis, ["7A", "16A"], AssessmentOutcome.ChildInNeedPlan, null);
            if (stage == Stage.Overdue)
            {
                continue;
            }

            var submitted = calendar.AddWorkingDays(started, 20);
            assessment.Submit(submitted);
            var request = ApprovalRequest.AssessmentAuthorisation(team.Id, child.Id, assessment.Id,
                "Outcome: Child in need plan. Factors: 7A, 16A. Child seen 2 times (1 alone).", child.WorkerId, submitted.ToDateTime(new TimeOnly(15, 30), DateTimeKind.Utc));
            db.ApprovalRequests.Add(request);
            if (stage == Stage.Authorised)
            {
                var authorised = calendar.AddWorkingDays(submitted, 2);
                request.Decide(true, "Clear analysis; agree a child in need plan. Hold the network meeting before the end of the month.", team.ManagerId!.Value, true, authorised.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc));
                assessment.Authorise(team.ManagerId.Value, authorised);
            }
        }

        await db.SaveChangesAsync();
    }
}
