using ChildrenServices.Application;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.DemoData;

/// <summary>
/// Development only: a realistic approvals queue. Two step-ups from keyworkers on open early help
/// episodes and a step-down from the demo social worker at the end of an assessment wait for a
/// manager, one to five days old; one earlier step-up was rejected with rationale, so the history shows
/// on the children's records and on the keyworker's worktray. Requests are built as RequestStepUp and
/// RequestStepDown build them, so the managers can decide them in the demo. All text is made up.
/// </summary>
internal sealed class ApprovalsSeeder(AppDbContext db, TimeProvider clock)
{
    private const string StepUpNeglect =
        "Things have gone backwards since the last TAF review, not forwards. On my visit on Monday there was very little food in the house, " +
        "the kitchen floor was dirty and the children's beds had no sheets. Attendance is down to 71% this half term and school say the " +
        "children are arriving hungry again. Mum told me she is drinking most evenings since her partner left and has stopped going to the GP. " +
        "She agrees the plan isn't working and knows I'm asking for a social work assessment. I'd like to stay on as co-worker: the children trust me.";

    private const string StepUpDomesticAbuse =
        "Mum told me at Thursday's visit that her ex-partner has been coming to the house again, and that he pushed her into the door frame " +
        "last weekend while the children were in the next room. She has a bruise on her upper arm. The DASH came out at medium risk but I don't " +
        "think early help can hold this: she won't consider a refuge or a non-molestation order yet, and the eldest has started wetting the bed again. " +
        "Mum knows I am asking for a step-up and has agreed to speak to a social worker.";

    private const string StepUpRejected =
        "Mum has missed the last two TAF meetings and the youngest's attendance is 84%. I don't feel we are getting anywhere with the plan and " +
        "I think social care should take over.";

    private const string RejectionRationale =
        "Not yet. Missed meetings and attendance of 84% are not on their own a sign that the children are suffering significant harm or that " +
        "their needs are beyond early help, and the plan hasn't had long enough to work yet. Please hold the next TAF at home at a time mum " +
        "can make, and ask the school's attendance officer to join. If nothing has changed by the next review, bring it back to me and we will " +
        "talk it through in supervision.";

    private const string StepDownReasons =
        "The assessment is complete and signed off. The worries at referral were dad's drinking and arguments at home that the children were " +
        "hearing. Since then dad has engaged with the alcohol service, moved in with his mother and sees the children on Saturdays, and mum has " +
        "been protective throughout. The children told me home is 'calmer now' and school have no current concerns. I don't think there is a " +
        "continuing role for statutory services: what is left is routines, school mornings and money, which a keyworker can help with. " +
        "Mum is happy to work with early help.";

    private readonly WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
    private readonly DateTime now = clock.GetUtcNow().UtcDateTime;

    public async Task SeedAsync(Guid keyworker, Guid socialWorker)
    {
        var today = UkTime.Today(clock);
        var earlyHelp = await db.Teams.FirstAsync(t => t.Kind == TeamKind.EarlyHelp);
        var assessment = await db.Teams.FirstAsync(t => t.Kind == TeamKind.Assessment);

        // Open early help families a month or more in, with a completed assessment, none of them already open to social care.
        var monthAgo = today.AddDays(-30);
        var episodes = await db.EarlyHelpEpisodes.Include(e => e.Children)
            .Where(e => e.EndedOn == null && e.Kind == EpisodeKind.EarlyHelp && e.TeamId == earlyHelp.Id && e.StartedOn <= monthAgo
                && db.EarlyHelpAssessments.Any(a => a.EpisodeId == e.Id && a.CompletedOn != null)
                && e.Children.All(c => db.People.Any(p => p.Id == c.ChildId && p.Restriction == null))
                && !e.Children.Any(c => db.Referrals.Any(r => r.ChildId == c.ChildId && r.Status == ReferralStatus.Open)))
            .OrderBy(e => e.StartedOn).ThenBy(e => e.FamilyName)
            .ToListAsync();

        // Oldest first: a long-running plan that has stopped working; newest first for one that has barely started.
        EarlyHelpEpisode? Take(bool preferDemoKeyworker, bool newest = false)
        {
            var episode = episodes.OrderBy(e => (e.KeyworkerId == keyworker) == preferDemoKeyworker ? 0 : 1)
                .ThenBy(e => newest ? -e.StartedOn.DayNumber : e.StartedOn.DayNumber).FirstOrDefault();
            if (episode is not null)
            {
                episodes.Remove(episode);
            }

            return episode;
        }

        // The demo keyworker has one waiting and one rejected seven working days ago (so My work shows both); a colleague asked on the previous working day.
        if (Take(preferDemoKeyworker: true) is { } waiting)
        {
            StepUp(waiting, StepUpNeglect, At(3, 16, 20));
        }

        if (Take(preferDemoKeyworker: true, newest: true) is { } rejected)
        {
            var request = StepUp(rejected, StepUpRejected, At(8, 11, 5));
            request.Decide(false, RejectionRationale, earlyHelp.ManagerId!.Value, managesTheTeam: true, At(7, 9, 40));
        }

        if (Take(preferDemoKeyworker: false) is { } yesterday)
        {
            StepUp(yesterday, StepUpDomesticAbuse, At(1, 9, 20));
        }

        await StepDownAsync(socialWorker, assessment, today);
        await db.SaveChangesAsync();
    }

    private ApprovalRequest StepUp(EarlyHelpEpisode episode, string reasons, DateTime requestedAtUtc)
    {
        var request = new ApprovalRequest(ApprovalKind.StepUp, episode.TeamId, episode.Id, episode.Children.Select(c => c.ChildId), reasons, episode.KeyworkerId, requestedAtUtc);
        db.ApprovalRequests.Add(request);
        return request;
    }

    /// <summary>
    /// A child referred by the front door a month or two ago, allocated to the social worker (as their
    /// manager would from the Team page), whose assessment ends in a request to step down.
    /// </summary>
    private async Task StepDownAsync(Guid socialWorker, Team assessment, DateOnly today)
    {
        var held = db.Allocations.Where(a => a.EndedOn == null).Select(a => a.ChildId);
        var candidates = await db.Referrals
            .Where(r => r.Status == ReferralStatus.Open && r.TeamId == assessment.Id && !r.ImmediateStrategyDiscussion && r.ReferralDate <= today.AddDays(-20)
                && !held.Contains(r.ChildId)
                && !db.Referrals.Any(o => o.ChildId == r.ChildId && o.Status == ReferralStatus.Open && o.Id != r.Id)
                && db.People.Any(p => p.Id == r.ChildId && p.Restriction == null && p.DateOfBirth != null))
            .ToListAsync();
        var referral = candidates.OrderBy(r => Math.Abs(today.DayNumber - r.ReferralDate.DayNumber - 40)).ThenBy(r => r.ChildId).FirstOrDefault();
        if (referral is null)
        {
            return;
        }

        // Siblings open to the same team step down with the child, as RequestStepDown does.
        var siblingKinds = new[] { RelationshipKind.Sibling, RelationshipKind.HalfSibling };
        var siblings = await db.Relationships
            .Where(r => r.EndedOn == null && siblingKinds.Contains(r.Kind) && (r.PersonId == referral.ChildId || r.RelatedPersonId == referral.ChildId))
            .Select(r => r.PersonId == referral.ChildId ? r.RelatedPersonId : r.PersonId).ToListAsync();
        var openSiblings = await db.Referrals
            .Where(r => siblings.Contains(r.ChildId) && r.Status == ReferralStatus.Open && r.TeamId == referral.TeamId
                && db.People.Any(p => p.Id == r.ChildId && p.Restriction == null))
            .Select(r => r.ChildId).Distinct().ToListAsync();
        var children = new List<Guid> { referral.ChildId };
        children.AddRange(openSiblings.Where(s => s != referral.ChildId));

        var allocatedOn = calendar.AddWorkingDays(referral.ReferralDate, 1);
        var leading = await held.Where(c => children.Contains(c)).ToListAsync();
        foreach (var child in children.Where(c => !leading.Contains(c)))
        {
            DemoAllocations.Add(db, child, socialWorker, assessment.Id, AllocationRole.Lead, allocatedOn, assessment.ManagerId!.Value);
        }

        db.ApprovalRequests.Add(ApprovalRequest.StepDown(StepDownStage.EndOfAssessment, assessment.Id, children, StepDownReasons, socialWorker, At(2, 14, 40)));
    }

    /// <summary>A time of the working day, so many working days before today (and never after now).</summary>
    private DateTime At(int workingDaysAgo, int hour, int minute)
    {
        var day = calendar.AddWorkingDays(calendar.WorkingDayOnOrBefore(UkTime.Today(clock)), -workingDaysAgo);
        var at = UkTime.ToUtc(day.ToDateTime(new TimeOnly(hour, minute)));
        return at < now ? at : now.AddMinutes(-5);
    }
}
