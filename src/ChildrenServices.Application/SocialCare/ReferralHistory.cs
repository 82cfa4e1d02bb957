using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The child's referrals before a new one: what decides whether it is a re-referral (within 12 months of the last).</summary>
internal static class ReferralHistory
{
    /// <summary>The child's latest referral dated on or before <paramref name="date"/>, withdrawn ones aside (they never happened).</summary>
    public static Task<Referral?> LatestOnOrBeforeAsync(IAppDbContext db, Guid childId, DateOnly date, CancellationToken cancellationToken) =>
        db.Referrals.Where(r => r.ChildId == childId && r.Status != ReferralStatus.Withdrawn && r.ReferralDate <= date)
            .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(cancellationToken);
}
