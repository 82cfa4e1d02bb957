using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Performance;

/// <summary>
/// The service on chosen dates, side by side: children and families in early help, children on child in need plans, on
/// child protection plans and looked after; and looked-after children at each month end over a range, with the change
/// month on month. Open on a date means started on or before it and not ended on or before it, as the DfE counts "at
/// 31 March". Every child is counted, restricted or not; no child is named.
/// </summary>
/// <remarks>
/// Each measure is worked out from its starts and ends by day (one more on the day something starts, one fewer on the day
/// it ends), read in one query whatever the number of dates, so a table of six dates or a series of thirty-six month ends
/// costs the same as one date.
/// </remarks>
public static class GetServiceAtDates
{
    public const int MaxDates = 6;

    public const int MaxMonths = 36;

    [RequiresPermission(Permission.ViewPerformance)]
    public sealed record Query(IReadOnlyList<DateOnly> Dates, DateOnly? MonthsFrom = null, DateOnly? MonthsTo = null, Guid? TeamId = null) : IQuery<Result>;

    /// <param name="Columns">One per date asked for, in the order asked.</param>
    /// <param name="MonthEnds">Looked-after children at each month end from <see cref="Query.MonthsFrom"/>'s month to <see cref="Query.MonthsTo"/>'s.</param>
    public sealed record Result(IReadOnlyList<Column> Columns, IReadOnlyList<MonthEnd> MonthEnds);

    public sealed record Column(DateOnly On, int EarlyHelpChildren, int EarlyHelpFamilies, int ChildInNeedPlans, int ChildProtectionPlans, int LookedAfter);

    /// <param name="Change">The change from the month end before, or null for the first.</param>
    public sealed record MonthEnd(DateOnly On, int LookedAfter, int? Change);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(q => q.Dates).NotEmpty().WithMessage("Enter at least one date")
                .Must(d => d.Count <= MaxDates).WithMessage($"Enter up to {MaxDates} dates");
            RuleForEach(q => q.Dates).Must(d => d <= UkTime.Today(clock)).WithMessage("A date must be today or in the past");
            RuleFor(q => q.MonthsTo).NotNull().When(q => q.MonthsFrom is not null).WithMessage("Enter the last month");
            RuleFor(q => q.MonthsFrom).NotNull().When(q => q.MonthsTo is not null).WithMessage("Enter the first month");
            RuleFor(q => q.MonthsTo).Must((q, to) => to >= q.MonthsFrom).When(q => q.MonthsFrom is not null && q.MonthsTo is not null)
                .WithMessage("The last month must not be before the first");
            RuleFor(q => q.MonthsTo).Must((q, to) => MonthEndsBetween(q.MonthsFrom!.Value, to!.Value).Count <= MaxMonths)
                .When(q => q.MonthsFrom is not null && q.MonthsTo is not null && q.MonthsTo >= q.MonthsFrom)
                .WithMessage($"Choose up to {MaxMonths} months");
            RuleFor(q => q.MonthsTo).Must(to => new DateOnly(to!.Value.Year, to.Value.Month, 1) <= UkTime.Today(clock))
                .When(q => q.MonthsTo is not null).WithMessage("The last month must not be in the future");
        }
    }

    /// <summary>The last day of each month from <paramref name="from"/>'s month to <paramref name="to"/>'s.</summary>
    public static IReadOnlyList<DateOnly> MonthEndsBetween(DateOnly from, DateOnly to)
    {
        var ends = new List<DateOnly>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to && ends.Count <= MaxMonths; month = month.AddMonths(1))
        {
            ends.Add(month.AddMonths(1).AddDays(-1));
        }

        return ends;
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = UkTime.Today(clock);
            // A month end still to come counts as today: the month is not over.
            var monthEnds = query.MonthsFrom is { } from && query.MonthsTo is { } to
                ? MonthEndsBetween(from, to).Select(d => d > today ? today : d).ToList()
                : [];
            var last = query.Dates.Concat(monthEnds).Max();
            var changes = await ServiceChanges.ByDayAsync(db, last, query.TeamId, cancellationToken);
            var columns = query.Dates.Select(d => new Column(
                d,
                changes.OpenOn(Measure.EarlyHelpChildren, d),
                changes.OpenOn(Measure.EarlyHelpFamilies, d),
                changes.OpenOn(Measure.ChildInNeedPlans, d),
                changes.OpenOn(Measure.ChildProtectionPlans, d),
                changes.OpenOn(Measure.LookedAfter, d))).ToList();
            var series = new List<MonthEnd>();
            foreach (var end in monthEnds)
            {
                var count = changes.OpenOn(Measure.LookedAfter, end);
                series.Add(new MonthEnd(end, count, series.Count == 0 ? null : count - series[^1].LookedAfter));
            }

            return new Result(columns, series);
        }
    }
}

/// <summary>What the service counts on a date.</summary>
public enum Measure
{
    EarlyHelpChildren = 1,
    EarlyHelpFamilies = 2,
    ChildInNeedPlans = 3,
    ChildProtectionPlans = 4,
    LookedAfter = 5,
}

/// <summary>
/// Each measure's net change by day up to a date: +1 on each day something started, −1 on each day something ended. What is
/// open at the end of a day is the sum of the changes on or before it.
/// </summary>
internal sealed class ServiceChanges
{
    private readonly Dictionary<Measure, (DateOnly[] Days, int[] Running)> byMeasure;

    private ServiceChanges(Dictionary<Measure, (DateOnly[] Days, int[] Running)> byMeasure) => this.byMeasure = byMeasure;

    /// <summary>One SQL query: the starts and ends of early help episodes (and their children), plans and periods of care, summed by day.</summary>
    /// <param name="team">
    /// Only the team's (<see cref="TeamFilter"/>): early help episodes it holds, and each plan or period of care for the days a
    /// worker in the team led the child.
    /// </param>
    public static async Task<ServiceChanges> ByDayAsync(IAppDbContext db, DateOnly upTo, Guid? team, CancellationToken ct)
    {
        var episodes = db.EarlyHelpEpisodes.AsNoTracking().Where(e => e.StartedOn <= upTo);
        var cin = db.ChildInNeedPlans.AsNoTracking().Where(p => p.StartedOn <= upTo).Select(p => new ChildSpan { ChildId = p.ChildId, StartedOn = p.StartedOn, EndedOn = p.EndedOn });
        var cp = db.ChildProtectionPlans.AsNoTracking().Where(p => p.StartedOn <= upTo).Select(p => new ChildSpan { ChildId = p.ChildId, StartedOn = p.StartedOn, EndedOn = p.EndedOn });
        var care = db.PeriodsOfCare.AsNoTracking().Where(p => p.StartedOn <= upTo).Select(p => new ChildSpan { ChildId = p.ChildId, StartedOn = p.StartedOn, EndedOn = p.EndedOn });
        Func<IQueryable<ChildSpan>, IQueryable<Span>> held = spans => spans.Select(s => new Span { StartedOn = s.StartedOn, EndedOn = s.EndedOn });
        if (team is { } t)
        {
            episodes = episodes.Where(e => e.TeamId == t);
            var leads = TeamFilter.LeadsIn(db, t);
            held = spans => spans.HeldBy(leads).Where(s => s.StartedOn <= upTo);
        }

        var children = episodes.SelectMany(e => e.Children, (e, c) => new { e.StartedOn, e.EndedOn });

        IQueryable<Change> Changes(IQueryable<Span> spans, Measure measure) =>
            spans.Select(s => new Change { Measure = (int)measure, Day = s.StartedOn, Delta = 1 })
                .Concat(spans.Where(s => s.EndedOn != null && s.EndedOn <= upTo).Select(s => new Change { Measure = (int)measure, Day = s.EndedOn!.Value, Delta = -1 }));

        var all = Changes(children.Select(x => new Span { StartedOn = x.StartedOn, EndedOn = x.EndedOn }), Measure.EarlyHelpChildren)
            .Concat(Changes(episodes.Select(x => new Span { StartedOn = x.StartedOn, EndedOn = x.EndedOn }), Measure.EarlyHelpFamilies))
            .Concat(Changes(held(cin), Measure.ChildInNeedPlans))
            .Concat(Changes(held(cp), Measure.ChildProtectionPlans))
            .Concat(Changes(held(care), Measure.LookedAfter));
        var rows = await all.GroupBy(c => new { c.Measure, c.Day })
            .Select(g => new { g.Key.Measure, g.Key.Day, Delta = g.Sum(c => c.Delta) })
            .ToListAsync(ct);

        var result = new Dictionary<Measure, (DateOnly[] Days, int[] Running)>();
        foreach (var measure in Enum.GetValues<Measure>())
        {
            var days = rows.Where(r => r.Measure == (int)measure).OrderBy(r => r.Day).ToList();
            var running = new int[days.Count];
            var total = 0;
            for (var i = 0; i < days.Count; i++)
            {
                total += days[i].Delta;
                running[i] = total;
            }

            result[measure] = ([.. days.Select(d => d.Day)], running);
        }

        return new ServiceChanges(result);
    }

    /// <summary>How many were open at the end of <paramref name="day"/>.</summary>
    public int OpenOn(Measure measure, DateOnly day)
    {
        var (days, running) = byMeasure[measure];
        var index = Array.BinarySearch(days, day);
        index = index >= 0 ? index : ~index - 1;
        return index < 0 ? 0 : running[index];
    }

    private sealed class Change
    {
        public int Measure { get; init; }

        public DateOnly Day { get; init; }

        public int Delta { get; init; }
    }
}
