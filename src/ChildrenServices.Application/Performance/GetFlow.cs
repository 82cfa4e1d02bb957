using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Performance;

/// <summary>
/// Flow through the service over a period: contacts by source and by route and what they led to; assessments ending in no
/// further action; re-referrals within 12 months; step-ups and step-downs with how long approval took and whether the
/// reasons and the manager's rationale are recorded; child protection plans that lasted two years or more and second or
/// subsequent plans; looked-after children with three or more placements in the year to the period's end. Counts only:
/// no child is named.
/// </summary>
public static class GetFlow
{
    [RequiresPermission(Permission.ViewPerformance)]
    /// <param name="TeamId">Only the team's (<see cref="TeamFilter"/>): referrals and step-ups or step-downs to it, and the work on children it led on the day the work is counted; contacts, which come before any team, are then not counted.</param>
    public sealed record Query(DateOnly From, DateOnly To, Guid? TeamId = null) : IQuery<Result>;

    public sealed record Result(
        DateOnly From,
        DateOnly To,
        int Contacts,
        IReadOnlyList<Row> BySource,
        IReadOnlyList<Row> ByRoute,
        IReadOnlyList<Row> ByOutcome,
        Share AdviceOrNoFurtherAction,
        Share ToReferral,
        Share AssessmentsEndingInNoFurtherAction,
        Share ReReferrals,
        IReadOnlyList<Steps> StepsTaken,
        Share ProtectionPlansLastingTwoYears,
        Share SecondOrLaterProtectionPlans,
        Share LookedAfterWithThreePlacements);

    public sealed record Row(string Label, int Count);

    /// <summary>A part of a whole, with the percentage; null when the whole is nothing.</summary>
    public sealed record Share(int Part, int Whole)
    {
        public int? Percent => Whole == 0 ? null : (int)Math.Round(100.0 * Part / Whole, MidpointRounding.AwayFromZero);
    }

    /// <param name="MedianWorkingDays">How long the manager took to decide, from the request: the median, in working days.</param>
    /// <param name="FullyRecorded">Decided requests with the worker's reasons and the manager's rationale both recorded.</param>
    public sealed record Steps(string Kind, int Requested, int Approved, int Rejected, int Waiting, int? MedianWorkingDays, Share FullyRecorded);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(q => q.To).Must((q, to) => to >= q.From).WithMessage("The end of the period must not be before its start");
            RuleFor(q => q.To).Must(to => to <= UkTime.Today(clock)).WithMessage("The end of the period must be today or in the past");
            RuleFor(q => q.To).Must((q, to) => to.DayNumber - q.From.DayNumber < GetTimeliness.MaxDays).When(q => q.To >= q.From).WithMessage("Choose a period of two years or less");
        }
    }

    public sealed class Handler(IAppDbContext db, WorkingDayCalendar calendar) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var (from, to) = (query.From, query.To);
            var start = UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            var end = UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            var leads = query.TeamId is { } team ? TeamFilter.LeadsIn(db, team) : null;
            // Contacts come before any team: a team's view has none.
            var contacts = db.Contacts.AsNoTracking().Where(c => c.ReceivedAtUtc >= start && c.ReceivedAtUtc < end && query.TeamId == null);

            // By source and route at once (a few dozen rows), split in memory.
            var bySourceAndRoute = await contacts.GroupBy(c => new { c.Referrer.SourceCode, c.Route }).Select(g => new { g.Key.SourceCode, g.Key.Route, Count = g.Count() }).ToListAsync(cancellationToken);
            var bySource = bySourceAndRoute.GroupBy(x => x.SourceCode).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
            var byRoute = bySourceAndRoute.GroupBy(x => x.Route).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
            // The period's contacts first (by when they were received), then their decisions in force: a semi-join from
            // every decision ever made read all of them at 100,000 children.
            var byOutcome = await contacts
                .Join(db.ContactDecisions.AsNoTracking().Where(d => d.SupersededById == null && (d.SignOff == SignOffState.NotNeeded || d.SignOff == SignOffState.Agreed)),
                    c => c.Id, d => d.ContactId, (c, d) => d.Outcome)
                .GroupBy(o => o).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var decided = byOutcome.Sum(o => o.Count);
            int Outcomes(params ContactOutcome[] outcomes) => byOutcome.Where(o => outcomes.Contains(o.Key)).Sum(o => o.Count);

            var assessments = await db.ChildAndFamilyAssessments.AsNoTracking()
                .Where(a => a.Status == AssessmentStatus.Authorised && a.AuthorisedOn >= from && a.AuthorisedOn <= to)
                .LedOn(leads, a => a.ChildId, a => a.AuthorisedOn!.Value)
                .GroupBy(a => a.Outcome == AssessmentOutcome.NoFurtherAction).Select(g => new { Nfa = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var referrals = await db.Referrals.AsNoTracking()
                .Where(r => r.Status != ReferralStatus.Withdrawn && r.ReferralDate >= from && r.ReferralDate <= to && (query.TeamId == null || r.TeamId == query.TeamId))
                .GroupBy(r => r.IsReReferral).Select(g => new { Again = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

            var steps = await db.ApprovalRequests.AsNoTracking()
                .Where(r => (r.Kind == ApprovalKind.StepUp || r.Kind == ApprovalKind.StepDown) && r.RequestedAtUtc >= start && r.RequestedAtUtc < end && (query.TeamId == null || r.TeamId == query.TeamId))
                .Select(r => new { r.Kind, r.Status, r.RequestedAtUtc, r.DecidedAtUtc, r.Reasons, r.Rationale, r.DecidedById })
                .ToListAsync(cancellationToken);

            // Plans that ended in the period and had lasted two years or more; plans that started in it for a child with an
            // earlier plan here or elsewhere (the CIN census's NumberOfPreviousCPP).
            var ended = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.EndedOn >= from && p.EndedOn <= to).LedOn(leads, p => p.ChildId, p => p.EndedOn!.Value)
                .Select(p => new { p.StartedOn, EndedOn = p.EndedOn!.Value }).ToListAsync(cancellationToken);
            var started = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.StartedOn >= from && p.StartedOn <= to).LedOn(leads, p => p.ChildId, p => p.StartedOn)
                .Select(p => new { Again = p.PreviousPlansElsewhere > 0 || db.ChildProtectionPlans.Any(e => e.ChildId == p.ChildId && e.StartedOn < p.StartedOn) })
                .ToListAsync(cancellationToken);

            // Looked after at the period's end: the placements in the year to then — the one the child was in when the year
            // began, and each move since (an episode that is not a change of legal status alone).
            var yearStart = to.AddYears(-1).AddDays(1);
            var placements = await db.PeriodsOfCare.AsNoTracking()
                .Where(p => p.StartedOn <= to && (p.EndedOn == null || p.EndedOn > to))
                .LedOn(leads, p => p.ChildId, p => to)
                .Select(p => new
                {
                    Moves = db.PeriodsOfCare.Where(q => q.ChildId == p.ChildId).SelectMany(q => q.Episodes)
                        .Count(e => e.ReasonForNewEpisode != "L" && e.StartedOn >= yearStart && e.StartedOn <= to),
                    InPlacementAtYearStart = db.PeriodsOfCare.Where(q => q.ChildId == p.ChildId).SelectMany(q => q.Episodes)
                        .Any(e => e.StartedOn < yearStart && (e.EndedOn == null || e.EndedOn > yearStart)),
                })
                .ToListAsync(cancellationToken);

            return new Result(
                from,
                to,
                bySource.Sum(s => s.Count),
                [.. bySource.OrderByDescending(s => s.Count).ThenBy(s => s.Key).Select(s => new Row($"{DfeCodes.ReferralSource.DescriptionOf(s.Key)} ({s.Key})", s.Count))],
                [.. byRoute.OrderByDescending(r => r.Count).Select(r => new Row(r.Key.Describe(), r.Count))],
                [.. byOutcome.OrderByDescending(o => o.Count).Select(o => new Row(o.Key.Describe(), o.Count))],
                new Share(Outcomes(ContactOutcome.AdviceOnly, ContactOutcome.AdviceAndSignposting, ContactOutcome.NoFurtherAction), decided),
                new Share(Outcomes(ContactOutcome.Referral, ContactOutcome.StrategyDiscussion), decided),
                new Share(assessments.Where(a => a.Nfa).Sum(a => a.Count), assessments.Sum(a => a.Count)),
                new Share(referrals.Where(r => r.Again).Sum(r => r.Count), referrals.Sum(r => r.Count)),
                [.. new[] { ApprovalKind.StepUp, ApprovalKind.StepDown }.Select(kind =>
                {
                    var these = steps.Where(s => s.Kind == kind).ToList();
                    var done = these.Where(s => s.DecidedAtUtc is not null).ToList();
                    var days = done.Select(s => calendar.WorkingDaysBetween(DateOnly.FromDateTime(UkTime.ToLocal(s.RequestedAtUtc)), DateOnly.FromDateTime(UkTime.ToLocal(s.DecidedAtUtc!.Value)))).Order().ToList();
                    return new Steps(kind.Describe(), these.Count, these.Count(s => s.Status == ApprovalStatus.Approved), these.Count(s => s.Status == ApprovalStatus.Rejected),
                        these.Count(s => s.Status == ApprovalStatus.Pending), days.Count == 0 ? null : days[(days.Count - 1) / 2],
                        new Share(done.Count(s => !string.IsNullOrWhiteSpace(s.Reasons) && !string.IsNullOrWhiteSpace(s.Rationale) && s.DecidedById is not null), done.Count));
                })],
                new Share(ended.Count(p => p.EndedOn >= p.StartedOn.AddYears(2)), ended.Count),
                new Share(started.Count(p => p.Again), started.Count),
                new Share(placements.Count(p => p.Moves + (p.InPlacementAtYearStart ? 1 : 0) >= 3), placements.Count));
        }
    }
}
