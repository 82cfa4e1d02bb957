using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The child's strategy discussions, section 47 enquiries and initial conferences, newest first, with what is due next.</summary>
public static class GetChildProtection
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record Enquiry(
        Guid Id, Guid Version, DateOnly StrategyHeldOn, string Agencies, bool Section47, string Rationale, DateOnly? ConferenceTargetOn,
        DateOnly? Section47ConcludedOn, string? Findings, bool? ConferenceNeeded, DateOnly? ConferenceHeldOn, ConferenceOutcome? ConferenceOutcome,
        string? InitialCategory, string? Chair, bool IsOpen, DueItem? Next, RagStatus? NextStatus);

    public sealed record Due(DueKind Kind, string What, DateOnly DueOn, RagStatus Status);

    /// <param name="Category">The category of abuse the plan continued under from the review (none when it ended the plan, or was not kept).</param>
    public sealed record Review(DateOnly HeldOn, bool PlanContinues, string Decision, string Chair, string? Category = null);

    public sealed record Visit(DateOnly VisitedOn, bool ChildSeen, bool SeenAlone);

    public sealed record Plan(
        Guid Id, Guid Version, DateOnly StartedOn, string InitialCategory, string LatestCategory, DateOnly? EndedOn, string? EndReason,
        IReadOnlyList<DateOnly> CoreGroups, IReadOnlyList<Review> Reviews, IReadOnlyList<Visit> Visits, IReadOnlyList<Due> DueNext)
    {
        /// <summary>For a plan made by a transfer-in conference: the council the child came from, and the conference's chair.</summary>
        public (string From, string Chair)? TransferIn { get; init; }
    }

    /// <param name="PreviousPlans">Plans the child had before the current or latest one (the census's NumberOfPreviousCPP).</param>
    public sealed record Result(bool HasOpenReferral, IReadOnlyList<Enquiry> Enquiries, IReadOnlyList<Plan>? Plans = null, int PreviousPlans = 0)
    {
        public Enquiry? Open => Enquiries.FirstOrDefault(e => e.IsOpen);

        public Plan? OpenPlan => Plans?.FirstOrDefault(p => p.EndedOn is null);
    }

    public sealed class Handler(IAppDbContext db, TimescaleProvider timescales, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var open = await db.Referrals.AnyAsync(r => r.ChildId == query.PersonId && r.Status == ReferralStatus.Open, cancellationToken);
            var enquiries = await db.ChildProtectionEnquiries.AsNoTracking().Where(e => e.ChildId == query.PersonId)
                .OrderByDescending(e => e.StrategyHeldOn).ToListAsync(cancellationToken);
            var plans = await db.ChildProtectionPlans.AsNoTracking().Include(p => p.CoreGroups).Include(p => p.Reviews).Include(p => p.Visits).AsSplitQuery()
                .Where(p => p.ChildId == query.PersonId).OrderByDescending(p => p.StartedOn).ToListAsync(cancellationToken);
            var chairs = enquiries.Where(e => e.ChairId is not null).Select(e => e.ChairId!.Value).Concat(plans.SelectMany(p => p.Reviews).Select(r => r.ChairId))
                .Concat(plans.Where(p => p.TransferInChairId is not null).Select(p => p.TransferInChairId!.Value)).Distinct().ToList();
            var names = await db.Staff.Where(s => chairs.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
            var rules = await timescales.CurrentAsync(cancellationToken);
            var today = UkTime.Today(clock);
            var planRows = plans.Select(p => new Plan(p.Id, p.Version, p.StartedOn, p.InitialCategory, p.LatestCategory, p.EndedOn, p.EndReason,
                [.. p.CoreGroups.Select(g => g.HeldOn).Order()],
                [.. p.Reviews.OrderBy(r => r.HeldOn).Select(r => new Review(r.HeldOn, r.PlanContinues, r.Decision, names.GetValueOrDefault(r.ChairId, "Unknown"), r.Category))],
                [.. p.Visits.OrderBy(v => v.VisitedOn).Select(v => new Visit(v.VisitedOn, v.ChildSeen, v.SeenAlone))],
                [.. ChildProtectionDue.ForPlan(p, rules).Select(d => new Due(d.Kind, ChildProtectionDue.Describe(d.Kind), d.DueOn, rules.StatusOf(d, today)))])
            {
                TransferIn = p.TransferredFrom is { } from ? (from, names.GetValueOrDefault(p.TransferInChairId ?? Guid.Empty, "Unknown")) : null,
            }).ToList();
            return new Result(open, [.. enquiries.Select(e =>
            {
                var next = ChildProtectionDue.Next(e, rules);
                return new Enquiry(e.Id, e.Version, e.StrategyHeldOn, e.Agencies, e.Section47, e.Rationale, e.ConferenceTargetOn, e.Section47ConcludedOn, e.Findings,
                    e.ConferenceNeeded, e.ConferenceHeldOn, e.ConferenceOutcome, e.InitialCategory, e.ChairId is { } c ? names.GetValueOrDefault(c) : null, e.IsOpen,
                    next, next is null ? null : rules.StatusOf(next, today));
            })], planRows, plans.Count == 0 ? 0 : plans[0].NumberOfPreviousPlans(plans));
        }
    }
}
