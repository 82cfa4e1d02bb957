using ChildrenServices.Application;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.DemoData;

/// <summary>
/// Development only: early help for the families the seed placed with keyworkers — episodes at every
/// stage (assessment in progress or complete, plans with goals and actions, reviews with progress) —
/// and most of the front door's early help requests picked up by a keyworker. All text is made up.
/// </summary>
internal sealed class EarlyHelpSeeder(AppDbContext db, TimeProvider clock, Random random)
{
    internal static readonly (FamilyOutcome Outcome, string Goal, string Action, string Owner)[] Goals =
    [
        (FamilyOutcome.Education, "Children at school every day and on time", "Breakfast club place for the younger two", "School"),
        (FamilyOutcome.FinancialStability, "A budget the family can keep to, and no more rent arrears", "Appointment with the money advice service", "Keyworker"),
        (FamilyOutcome.FamilyRelationships, "Calmer evenings: fewer arguments at bedtime", "Parenting course (Tuesday evenings)", "Mum"),
        (FamilyOutcome.Health, "Mum's low mood treated and the baby's checks up to date", "GP appointment for mum; health visitor to rebook the 1-year check", "Health visitor"),
        (FamilyOutcome.Housing, "Damp treated or a move to a suitable home", "Report the damp to the landlord in writing", "Keyworker"),
        (FamilyOutcome.DomesticAbuse, "Mum and the children feel safe at home", "Referral to the domestic abuse support service", "Keyworker"),
    ];

    /// <summary>Families saved and cleared from the tracker at a time.</summary>
    private const int BatchSize = 500;

    public async Task SeedAsync()
    {
        var today = UkTime.Today(clock);
        var team = await db.Teams.Include(t => t.Members).FirstAsync(t => t.Kind == TeamKind.EarlyHelp);
        var keyworkers = team.Members.Select(m => m.UserId).Where(id => id != team.ManagerId).ToList();

        // Families the base seed placed with a keyworker get the episode that goes with it.
        // One query for the family names, not one per family (each of which would also rescan the tracker).
        var held = await db.Allocations.AsNoTracking().Where(a => a.TeamId == team.Id && a.EndedOn == null && a.Role == AllocationRole.Lead)
            .ToListAsync();
        var familyNames = await db.Allocations.Where(a => a.TeamId == team.Id && a.EndedOn == null && a.Role == AllocationRole.Lead)
            .Join(db.People, a => a.ChildId, p => p.Id, (a, p) => new { p.Id, p.FamilyName }).Distinct().ToDictionaryAsync(p => p.Id, p => p.FamilyName);
        var families = 0;
        foreach (var family in held.GroupBy(a => (a.WorkerId, a.StartedOn)))
        {
            var children = family.Select(a => a.ChildId).ToList();
            var name = familyNames[children[0]];
            var support = random.NextDouble() < 0.2;
            var episode = new EarlyHelpEpisode($"{name} family", support ? EpisodeKind.Support : EpisodeKind.EarlyHelp,
                support ? (SupportReason)random.Next(1, 4) : null, EpisodeStart.FrontDoorDecision, null, family.Key.StartedOn, team.Id, family.Key.WorkerId, children);
            db.EarlyHelpEpisodes.Add(episode);
            Fill(episode, children, family.Key.StartedOn, today);
            if (++families % BatchSize == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // Most of today's early help requests have been picked up; a few still wait for the manager.
        var requests = await db.EarlyHelpRequests.Include(r => r.Children).Where(r => r.Status == EarlyHelpRequestStatus.Pending && r.TeamId == team.Id).ToListAsync();
        foreach (var (request, i) in requests.Select((r, i) => (r, i)))
        {
            if (i % 3 == 2)
            {
                continue;
            }

            request.Accept();
            var children = request.Children.Select(c => c.ChildId).ToList();
            var name = await db.People.Where(p => p.Id == children[0]).Select(p => p.FamilyName).SingleAsync();
            var worker = keyworkers[i % keyworkers.Count];
            var start = request.RequestedOn.AddDays(1) > today ? today : request.RequestedOn.AddDays(1);
            var episode = new EarlyHelpEpisode($"{name} family", EpisodeKind.EarlyHelp, null, EpisodeStart.FrontDoorDecision, request.Id, start, team.Id, worker, children);
            db.EarlyHelpEpisodes.Add(episode);
            var led = await db.Allocations.Where(a => children.Contains(a.ChildId) && a.EndedOn == null && a.Role == AllocationRole.Lead).Select(a => a.ChildId).ToListAsync();
            foreach (var child in children)
            {
                DemoAllocations.Add(db, child, worker, team.Id, led.Contains(child) ? AllocationRole.CoWorker : AllocationRole.Lead, start, team.ManagerId!.Value);
            }

            Fill(episode, children, start, today);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The further along the episode, the more of the assessment and plan is done.</summary>
    private void Fill(EarlyHelpEpisode episode, List<Guid> children, DateOnly started, DateOnly today)
    {
        var assessment = new EarlyHelpAssessment(episode.Id);
        var plan = new FamilyPlan(episode.Id);
        db.EarlyHelpAssessments.Add(assessment);
        db.FamilyPlans.Add(plan);
        var age = today.DayNumber - started.DayNumber;
        if (age < 3)
        {
            return;
        }

        assessment.Record(
            "Mum is finding it hard to get the children to school since her hours changed; money is tight and the flat is damp.",
            age > 10 ? "The children are close to their mum and their nan helps after school. Mum asked for help herself." : null,
            age > 10 ? "Regular school attendance, a budget mum can manage, and the damp sorted." : null,
            age > 10 ? random.Next(3, 7) : null,
            children.ToDictionary(c => c, _ => age > 10 ? (string?)"Says they like school when they have had breakfast, and that mum is 'always tired'." : null));
        if (age <= 20)
        {
            return;
        }

        assessment.Complete(started.AddDays(14), children);
        var picks = Goals.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
        foreach (var (outcome, goalText, action, owner) in picks)
        {
            var goal = plan.AddGoal(outcome, goalText, random.Next(1, 5));
            plan.AddAction(goal.Id, action, owner, started.AddDays(random.Next(20, 60)));
        }

        if (age > 45)
        {
            var held = started.AddDays(42);
            plan.Review(held, "Mum, school DSL, health visitor, keyworker",
                plan.Goals.ToDictionary(g => g.Id, g => (Math.Min(10, g.Baseline + random.Next(0, 4)), (string?)"Some progress since the plan was agreed.")),
                "Family engaging well; agreed to keep the plan going for another six weeks.",
                held.AddDays(42 + random.Next(-10, 10)), today);
        }
    }
}
