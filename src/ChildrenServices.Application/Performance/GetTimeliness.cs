using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Performance;

/// <summary>
/// Timeliness over a period: for each statutory timescale, how many of the events in the period were in time, as a
/// percentage, with the list of those that were not behind it. Counts include every child; a child on the exceptions list
/// is named only to a user who may see their record, otherwise shown as a restricted record.
/// </summary>
public static class GetTimeliness
{
    /// <summary>The longest period asked for at once: two years.</summary>
    public const int MaxDays = 731;

    /// <summary>How many of each indicator's exceptions are named when <see cref="Query.NameEvery"/> is false: as many as a page shows.</summary>
    public const int NamedOnPage = 25;

    /// <param name="TeamId">Only the work on children the team led on the day it was done (<see cref="TeamFilter"/>); contacts, which come before any team, are then not counted.</param>
    /// <param name="NameEvery">
    /// List and name every exception (for a download); otherwise only the latest <see cref="NamedOnPage"/> of each
    /// indicator, so a page does not read and name thousands it will not show.
    /// </param>
    [RequiresPermission(Permission.ViewPerformance)]
    public sealed record Query(DateOnly From, DateOnly To, bool NameEvery = false, Guid? TeamId = null) : IQuery<Result>;

    public sealed record Result(DateOnly From, DateOnly To, IReadOnlyList<Indicator> Indicators, IReadOnlyList<Band> AssessmentDurations)
    {
        /// <summary>When the figures were last brought up to date (ADR 0031); null before the first refresh.</summary>
        public DateTime? AsAtUtc { get; init; }
    }

    /// <param name="Key">A short name for links and downloads.</param>
    /// <param name="Late">The events that were not in time, the latest first: all of them for a download (<see cref="Query.NameEvery"/>), otherwise the latest <see cref="NamedOnPage"/>.</param>
    public sealed record Indicator(string Key, string Name, string Definition, int InTime, int Total, IReadOnlyList<Exception> Late)
    {
        /// <summary>The share in time, rounded to a whole percentage; null when nothing happened in the period.</summary>
        public int? Percent => Total == 0 ? null : (int)Math.Round(100.0 * InTime / Total, MidpointRounding.AwayFromZero);

        /// <summary>How many were not in time (<see cref="Late"/> holds the latest of them on a page, all of them for a download).</summary>
        public int NotInTime => Total - InTime;
    }

    /// <param name="ChildId">Null for a contact, which may be about several children.</param>
    /// <param name="Who">The child's name, "Restricted record", or the contact's reference.</param>
    /// <param name="LateBy">How late, in the unit the timescale counts in.</param>
    public sealed record Exception(Guid? ChildId, string Who, DateOnly Due, DateOnly Happened, string LateBy);

    /// <summary>Completed assessments by how many working days they took from the referral.</summary>
    public sealed record Band(string Label, int Assessments);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(q => q.To).Must((q, to) => to >= q.From).WithMessage("The end of the period must not be before its start");
            RuleFor(q => q.To).Must(to => to <= UkTime.Today(clock)).WithMessage("The end of the period must be today or in the past");
            RuleFor(q => q.To).Must((q, to) => to.DayNumber - q.From.DayNumber < MaxDays).When(q => q.To >= q.From).WithMessage("Choose a period of two years or less");
        }
    }

    public sealed class Handler(IAppDbContext db, RecordAccess access, Timescales.TimescaleProvider timescaleProvider) : IQueryHandler<Query, Result>
    {
        /// <summary>Names are looked up this many at a time, well inside SQLite's limit on parameters in one statement.</summary>
        private const int NameBatch = 500;

        private static readonly string[] Order =
        [
            Keys.Contacts, Keys.Assessments, Keys.InitialConferences, Keys.ProtectionReviews, Keys.LookedAfterReviews, Keys.ProtectionVisits, Keys.ChildInNeedVisits, Keys.LookedAfterVisits,
        ];

        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var (from, to) = (query.From, query.To);
            var rules = await timescaleProvider.CurrentAsync(cancellationToken);

            // Read from the facts the refresh keeps (ADR 0031), not worked out again from years of visits. Deliberately not
            // through RecordAccess: the figures count every child. Names are checked below. A team's view has only the work
            // on the children it led on the day, so no contacts (which have no child).
            var inPeriod = db.TimelinessFacts.AsNoTracking().Where(f => f.CountedOn >= from && f.CountedOn <= to);
            if (query.TeamId is { } team)
            {
                inPeriod = inPeriod.Where(f => f.ChildId != null).LedOn(TeamFilter.LeadsIn(db, team), f => f.ChildId!.Value, f => f.CountedOn);
            }

            var asAt = await db.TimelinessRefreshes.AsNoTracking().Where(r => r.Id == Domain.Timescales.TimelinessRefresh.SingletonId).Select(r => (DateTime?)r.RefreshedAtUtc).SingleOrDefaultAsync(cancellationToken);
            var totals = (await inPeriod.GroupBy(f => new { f.Key, f.InTime }).Select(g => new { g.Key.Key, g.Key.InTime, Count = g.Count() }).ToListAsync(cancellationToken))
                .GroupBy(t => t.Key).ToDictionary(g => g.Key, g => (InTime: g.Where(t => t.InTime).Sum(t => t.Count), Total: g.Sum(t => t.Count)));
            var durations = await inPeriod.Where(f => f.Key == Keys.Assessments && f.WorkingDays != null)
                .GroupBy(f => f.WorkingDays!.Value).Select(g => new { Days = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

            // The exceptions, latest first: all of them for a download, the page's worth of each indicator otherwise.
            var late = inPeriod.Where(f => !f.InTime);
            IQueryable<Domain.Timescales.TimelinessFact> shown = query.NameEvery ? late
                : Order.Select(key => late.Where(f => f.Key == key).OrderByDescending(f => f.CountedOn).ThenByDescending(f => f.Id).Take(NamedOnPage)).Aggregate((a, b) => a.Concat(b));
            var exceptions = (await shown.Select(f => new { f.Key, f.ChildId, f.Reference, f.Due, f.Happened, f.CountedOn, f.LateBy, f.Id }).ToListAsync(cancellationToken))
                .GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.CountedOn).ThenByDescending(f => f.Id).ToList());

            var toName = exceptions.Values.SelectMany(list => list).Where(l => l.ChildId is not null).Select(l => l.ChildId!.Value).Distinct().ToList();
            var names = new Dictionary<Guid, string>();
            foreach (var batch in toName.Chunk(NameBatch))
            {
                foreach (var person in await access.Visible(db.People.AsNoTracking()).Where(p => batch.Contains(p.Id))
                    .Select(p => new { p.Id, Name = p.GivenNames + " " + p.FamilyName }).ToListAsync(cancellationToken))
                {
                    names[person.Id] = person.Name;
                }
            }

            Indicator Build(string key, string name, string definition)
            {
                var (inTime, total) = totals.GetValueOrDefault(key);
                return new Indicator(key, name, definition, inTime, total, [.. exceptions.GetValueOrDefault(key, [])
                    .Select(l => new Exception(l.ChildId, l.Reference ?? names.GetValueOrDefault(l.ChildId!.Value, "Restricted record"), l.Due, l.Happened, l.LateBy ?? string.Empty))]);
            }

            return new Result(from, to,
            [
                Build(Keys.Contacts, "Contacts decided within one working day", "Decisions in force on contacts received in the period, made within one working day of the contact arriving (by the time the front door set as due)"),
                Build(Keys.Assessments, "Assessments completed within 45 working days", "Child and family assessments authorised in the period, authorised within 45 working days of the referral"),
                Build(Keys.InitialConferences, "Initial conferences within 15 working days", "Initial child protection conferences held in the period, within 15 working days of the strategy discussion"),
                Build(Keys.ProtectionReviews, "Child protection reviews in time", "Review conferences held in the period: the first within 3 months of the initial conference, later ones within 6 months of the last"),
                Build(Keys.LookedAfterReviews, "Looked-after reviews in time", "Reviews held in the period: the first within 20 working days of care starting, the second within 3 months, later ones within 6 months (short breaks: 3 and 6 months)"),
                Build(Keys.ProtectionVisits, "Child protection visits in time", $"Visits in the period in which the child was seen, within {rules.Local.ChildProtectionVisitWorkingDays} working days of the last (or of the plan's start)"),
                Build(Keys.ChildInNeedVisits, "Child in need visits in time", $"Visits in the period in which the child was seen, within {rules.Local.ChildInNeedVisitWorkingDays} working days of the last (or of the plan's start)"),
                Build(Keys.LookedAfterVisits, "Looked-after visits in time", "Visits in the period in which the child was seen, within the interval regulation 28 set for the placement at the time: within 7 days of a placement starting, then 6 weeks in its first year, 3 months after that in a placement meant to last until 18; weekly until the first review for a child placed before the carer's assessment or approval was complete, or with a parent under an interim care order; short breaks under regulation 48"),
            ],
            Bands([.. durations.SelectMany(d => Enumerable.Repeat(d.Days, d.Count))]))
            {
                AsAtUtc = asAt,
            };
        }

        private static IReadOnlyList<Band> Bands(List<int> durations) =>
        [
            new("Up to 10 working days", durations.Count(d => d <= 10)),
            new("11 to 20", durations.Count(d => d is > 10 and <= 20)),
            new("21 to 35", durations.Count(d => d is > 20 and <= 35)),
            new("36 to 45", durations.Count(d => d is > 35 and <= 45)),
            new("46 to 60", durations.Count(d => d is > 45 and <= 60)),
            new("More than 60", durations.Count(d => d > 60)),
        ];

    }

    /// <summary>The indicators' keys, for links and downloads.</summary>
    public static class Keys
    {
        public const string Contacts = "contacts";
        public const string Assessments = "assessments";
        public const string InitialConferences = "initial-conferences";
        public const string ProtectionReviews = "cp-reviews";
        public const string LookedAfterReviews = "la-reviews";
        public const string ProtectionVisits = "cp-visits";
        public const string ChildInNeedVisits = "cin-visits";
        public const string LookedAfterVisits = "la-visits";
    }
}
