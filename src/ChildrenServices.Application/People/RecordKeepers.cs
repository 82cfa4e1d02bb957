using ChildrenServices.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// Who is responsible for a child and so always stays on a restricted record's allow-list: the allocated
/// workers (lead and co-workers), the managers of the teams holding the case (the lead's team, see
/// <see cref="RecordAccess.HoldingTeamIds"/>, the team an open referral is with, and the team of an open early
/// help episode), and the independent reviewing officers chairing the child's open
/// child protection plan or reviewing the open period of care.
/// </summary>
public static class RecordKeepers
{
    public static async Task<IReadOnlyList<Guid>> ForAsync(IAppDbContext db, Guid childId, CancellationToken ct)
    {
        var workers = await db.Allocations.Where(a => a.ChildId == childId && a.EndedOn == null).Select(a => a.WorkerId).ToListAsync(ct);
        var holding = RecordAccess.HoldingTeamIds(db, childId)
            .Concat(db.Referrals.Where(r => r.ChildId == childId && r.Status == Domain.SocialCare.ReferralStatus.Open).Select(r => r.TeamId))
            .Concat(db.EarlyHelpEpisodes.Where(e => e.EndedOn == null && e.Children.Any(c => c.ChildId == childId)).Select(e => e.TeamId));
        var managers = await db.Teams.Where(t => holding.Contains(t.Id) && t.ManagerId != null).Select(t => t.ManagerId!.Value).ToListAsync(ct);
        var openPlans = db.ChildProtectionPlans.Where(p => p.ChildId == childId && p.EndedOn == null);
        var conferenceChairs = await db.ChildProtectionEnquiries
            .Where(e => e.ChildId == childId && e.ChairId != null && (openPlans.Any(p => p.EnquiryId == e.Id) || (e.Section47 && e.ConferenceHeldOn == null)))
            .Select(e => e.ChairId!.Value).ToListAsync(ct);
        var reviewChairs = await openPlans.SelectMany(p => p.Reviews).Select(r => r.ChairId)
            .Concat(openPlans.Where(p => p.TransferInChairId != null).Select(p => p.TransferInChairId!.Value)).ToListAsync(ct);
        var careReviewers = await db.PeriodsOfCare.Where(p => p.ChildId == childId && p.EndedOn == null)
            .SelectMany(p => p.Reviews).Select(r => r.ReviewingOfficerId).ToListAsync(ct);
        return [.. workers.Concat(managers).Concat(conferenceChairs).Concat(reviewChairs).Concat(careReviewers).Distinct()];
    }
}
