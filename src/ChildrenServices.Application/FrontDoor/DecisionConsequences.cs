using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>
/// What a decision sets in motion once it is in force: an early help request for the locality team,
/// or a referral per child (re-referral detected, assessment due in 45 working days) routed to the
/// assessment team, with an urgent alert to its manager when a strategy discussion is needed now. A child
/// whose referral is still open gets no second one (CIN rule 8815): the contact joins the open episode and
/// its holder is alerted.
/// A correction withdraws what the decision it supersedes had set in motion.
/// </summary>
public sealed class DecisionConsequences(IAppDbContext db, WorkingDayCalendar calendar, TimeProvider clock)
{
    public async Task<string> ApplyAsync(Contact contact, ContactDecision decision, CancellationToken ct)
    {
        if (decision.SupersedesId is { } supersededId)
        {
            await WithdrawAsync(contact, supersededId, ct);
        }

        var children = contact.People.Where(p => p.Role == ContactPersonRole.Child).Select(p => p.PersonId).ToList();
        var referralDate = DateOnly.FromDateTime(UkTime.ToLocal(contact.ReceivedAtUtc));
        switch (decision.Outcome)
        {
            case ContactOutcome.EarlyHelp:
                db.EarlyHelpRequests.Add(new EarlyHelpRequest(decision.TeamId!.Value, contact.Id, DateOnly.FromDateTime(UkTime.ToLocal(decision.DecidedAtUtc)), decision.Rationale, children));
                var teamName = await db.Teams.Where(t => t.Id == decision.TeamId).Select(t => t.Name).SingleAsync(ct);
                return $"An early help request has gone to {teamName}.";

            case ContactOutcome.Referral:
            case ContactOutcome.StrategyDiscussion:
                var immediate = decision.Outcome == ContactOutcome.StrategyDiscussion;
                var team = await db.Teams.Where(t => t.Id == decision.TeamId).Select(t => new { t.Name, t.ManagerId }).SingleAsync(ct);
                var reReferrals = 0;
                var attached = 0;
                foreach (var childId in children)
                {
                    // CIN rule 8815: one open episode of need per child. A contact about a child whose referral is
                    // still open joins that episode and alerts whoever holds it; it never opens a second.
                    var open = await db.Referrals.Where(r => r.ChildId == childId && r.Status == ReferralStatus.Open && r.ContactId != contact.Id)
                        .Select(r => new { r.Id, r.TeamId }).FirstOrDefaultAsync(ct);
                    if (open is not null)
                    {
                        attached++;
                        await AlertHolderAsync(childId, open.TeamId, contact, immediate, ct);
                        continue;
                    }

                    var previous = await ReferralHistory.LatestOnOrBeforeAsync(db, childId, referralDate, ct);
                    var referral = new Referral(childId, contact.Id, referralDate, decision.ReferralSourceCode!, decision.PrimaryNeedCode!, decision.TeamId!.Value, immediate, previous, calendar);
                    reReferrals += referral.IsReReferral ? 1 : 0;
                    db.Referrals.Add(referral);
                }

                if (immediate && team.ManagerId is { } managerId)
                {
                    db.Notifications.Add(new Notification(managerId,
                        $"Strategy discussion needed now: contact {contact.Reference} (significant harm suspected)",
                        $"/FrontDoor/Contacts/{contact.Id}", urgent: true, clock.GetUtcNow().UtcDateTime));
                }

                var due = calendar.AddWorkingDays(referralDate, Referral.AssessmentWorkingDays);
                var reText = reReferrals > 0 ? $" Recorded as a re-referral ({reReferrals})." : string.Empty;
                var attachedText = attached == 0 ? string.Empty
                    : attached == 1 ? " One child already has an open referral: the contact joins it and its holder has been alerted."
                    : $" {attached} children already have an open referral: the contact joins each and their holders have been alerted.";
                if (attached == children.Count)
                {
                    return attached == 1
                        ? "The child already has an open referral: the contact joins it and its holder has been alerted; no new referral is opened."
                        : $"Every child already has an open referral: the contact joins each and their holders have been alerted; no new referral is opened.";
                }

                var created = children.Count - attached;
                var what = created == 1 ? "A referral has" : $"{created} referrals have";
                reText += attachedText;
                return immediate
                    ? $"{what} gone to {team.Name} for an immediate strategy discussion; its manager has been alerted.{reText}"
                    : $"{what} gone to {team.Name}. Assessment due {due:d MMMM yyyy}.{reText}";

            default:
                return "The contact is closed at the front door.";
        }
    }

    /// <summary>
    /// Alerts whoever holds the child's open referral to a new contact: the lead worker, or with no lead, the
    /// manager of the team the referral is with. The alert names the contact, never the child.
    /// </summary>
    private async Task AlertHolderAsync(Guid childId, Guid referralTeamId, Contact contact, bool urgent, CancellationToken ct)
    {
        var holder = await db.Allocations.Where(a => a.ChildId == childId && a.EndedOn == null && a.Role == Domain.Allocations.AllocationRole.Lead)
            .Select(a => (Guid?)a.WorkerId).FirstOrDefaultAsync(ct)
            ?? await db.Teams.Where(t => t.Id == referralTeamId).Select(t => t.ManagerId).FirstOrDefaultAsync(ct);
        if (holder is { } recipient)
        {
            db.Notifications.Add(new Notification(recipient,
                $"New contact {contact.Reference} about a child whose open referral you hold: it has joined that referral",
                $"/FrontDoor/Contacts/{contact.Id}", urgent, clock.GetUtcNow().UtcDateTime));
        }
    }

    private async Task WithdrawAsync(Contact contact, Guid supersededId, CancellationToken ct)
    {
        var superseded = contact.Decisions.Single(d => d.Id == supersededId);
        var reason = $"Front-door decision corrected: {superseded.Outcome.Describe()} replaced";
        foreach (var referral in await db.Referrals.Where(r => r.ContactId == contact.Id && r.Status == ReferralStatus.Open).ToListAsync(ct))
        {
            referral.Withdraw(reason);
        }

        foreach (var request in await db.EarlyHelpRequests.Where(r => r.ContactId == contact.Id && r.Status == EarlyHelpRequestStatus.Pending).ToListAsync(ct))
        {
            request.Withdraw();
        }
    }
}
