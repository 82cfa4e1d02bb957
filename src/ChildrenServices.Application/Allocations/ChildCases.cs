using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

/// <summary>
/// Loads a child's case whole — its open allocations and open referral tracked, what is open on it in one
/// statement — so a handler asks the aggregate to allocate, transfer, step up or down, or close, instead of
/// improvising the rule. New allocations the case starts are added to the context here.
/// </summary>
internal static class ChildCases
{
    public static async Task<ChildCase> LoadAsync(IAppDbContext db, Guid childId, CancellationToken ct) =>
        (await LoadAsync(db, [childId], ct))[childId];

    public static async Task<IReadOnlyDictionary<Guid, ChildCase>> LoadAsync(IAppDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken ct)
    {
        var ids = childIds.Distinct().ToList();
        var allocations = await db.Allocations.Where(a => ids.Contains(a.ChildId) && a.EndedOn == null).ToListAsync(ct);
        var referrals = await db.Referrals.Where(r => ids.Contains(r.ChildId) && r.Status == ReferralStatus.Open).ToListAsync(ct);
        var open = await db.People.Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Cin = db.ChildInNeedPlans.Any(x => x.ChildId == p.Id && x.EndedOn == null),
                Cp = db.ChildProtectionPlans.Any(x => x.ChildId == p.Id && x.EndedOn == null),
                S47 = db.ChildProtectionEnquiries.Any(x => x.ChildId == p.Id && x.Section47
                    && (x.Section47ConcludedOn == null || (x.ConferenceNeeded == true && x.ConferenceHeldOn == null))),
                Care = db.PeriodsOfCare.Any(x => x.ChildId == p.Id && x.EndedOn == null),
                Transfer = db.CaseTransfers.Any(t => t.Status == TransferStatus.Pending && t.Children.Any(c => c.ChildId == p.Id)),
                StepDown = db.ApprovalRequests.Any(a => a.Kind == ApprovalKind.StepDown && a.Status == ApprovalStatus.Pending && a.Children.Any(c => c.ChildId == p.Id)),
                Closure = db.ApprovalRequests.Any(a => a.Kind == ApprovalKind.CaseClosure && a.Status == ApprovalStatus.Pending && a.Children.Any(c => c.ChildId == p.Id)),
                PreProceedings = db.PreProceedings.Any(x => x.ChildId == p.Id && x.DecidedOn == null),
            })
            .ToDictionaryAsync(x => x.Id, ct);

        var cases = new Dictionary<Guid, ChildCase>();
        foreach (var id in ids)
        {
            var referral = referrals.Where(r => r.ChildId == id).OrderByDescending(r => r.ReferralDate).FirstOrDefault();
            var assessments = referral is null
                ? []
                : await db.ChildAndFamilyAssessments.Where(a => a.ReferralId == referral.Id).Select(a => a.Status).ToListAsync(ct);
            var o = open.GetValueOrDefault(id) ?? throw new NotFoundException("Page not found");
            cases[id] = new ChildCase(id, allocations.Where(a => a.ChildId == id), referral, new OpenOnCase(
                o.Cin, o.Cp, o.S47, o.Care,
                UnauthorisedAssessment: assessments.Any(s => s != AssessmentStatus.Authorised),
                AuthorisedAssessment: assessments.Any(s => s == AssessmentStatus.Authorised),
                o.Transfer, o.StepDown, o.Closure, o.PreProceedings));
        }

        return cases;
    }

    /// <summary>Adds an allocation the case started (if any) to the context.</summary>
    public static void Started(this IAppDbContext db, Allocation? allocation)
    {
        if (allocation is not null)
        {
            db.Allocations.Add(allocation);
        }
    }
}
