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

    /// <param name="TeamId">Only the work on children the team leads now (<see cref="TeamFilter"/>); contacts, which come before any team, are then not counted.</param>
    /// <param name="NameEvery">
    /// Name the child on every exception (for a download); otherwise only the latest <see cref="NamedOnPage"/> of each
    /// indicator, the rest left blank, so a page does not look up thousands of names it will not show.
    /// </param>
    [RequiresPermission(Permission.ViewPerformance)]
    public sealed record Query(DateOnly From, DateOnly To, bool NameEvery = false, Guid? TeamId = null) : IQuery<Result>;

    public sealed record Result(DateOnly From, DateOnly To, IReadOnlyList<Indicator> Indicators, IReadOnlyList<Band> AssessmentDurations);

    /// <param name="Key">A short name for links and downloads.</param>
    /// <param name="Late">The events that were not in time, the latest first.</param>
    public sealed record Indicator(string Key, string Name, string Definition, int InTime, int Total, IReadOnlyList<Exception> Late)
    {
        /// <summary>The share in time, rounded to a whole percentage; null when nothing happened in the period.</summary>
        public int? Percent => Total == 0 ? null : (int)Math.Round(100.0 * InTime / Total, MidpointRounding.AwayFromZero);
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

    public sealed class Handler(IAppDbContext db, RecordAccess access, WorkingDayCalendar calendar, Timescales.TimescaleProvider timescaleProvider) : IQueryHandler<Query, Result>
    {
        /// <summary>Names are looked up this many at a time, well inside SQLite's limit on parameters in one statement.</summary>
        private const int NameBatch = 500;

        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var (from, to) = (query.From, query.To);
            var rules = await timescaleProvider.CurrentAsync(cancellationToken);
            var start = UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            var end = UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));

            // Deliberately not through RecordAccess: the figures count every child. Names are checked below.
            var led = query.TeamId is { } team ? TeamFilter.ChildrenLedBy(db, team) : null;
            var decisions = query.TeamId is not null ? [] : await db.ContactDecisions.AsNoTracking()
                .Where(d => d.SupersededById == null && (d.SignOff == SignOffState.NotNeeded || d.SignOff == SignOffState.Agreed))
                .Join(db.Contacts.Where(c => c.ReceivedAtUtc >= start && c.ReceivedAtUtc < end), d => d.ContactId, c => c.Id, (d, c) => new { c.Reference, c.DecisionDueAtUtc, d.DecidedAtUtc, d.WithinTimescale })
                .ToListAsync(cancellationToken);
            var assessments = await db.ChildAndFamilyAssessments.AsNoTracking()
                .Where(a => a.Status == AssessmentStatus.Authorised && a.AuthorisedOn >= from && a.AuthorisedOn <= to)
                .LedBy(led, a => a.ChildId)
                .Select(a => new { a.ChildId, a.ReferralDate, AuthorisedOn = a.AuthorisedOn!.Value })
                .ToListAsync(cancellationToken);
            var conferences = await db.ChildProtectionEnquiries.AsNoTracking()
                .Where(e => e.ConferenceHeldOn >= from && e.ConferenceHeldOn <= to)
                .LedBy(led, e => e.ChildId)
                .Select(e => new { e.ChildId, e.StrategyHeldOn, HeldOn = e.ConferenceHeldOn!.Value })
                .ToListAsync(cancellationToken);
            var protection = await db.ChildProtectionPlans.AsNoTracking()
                .Where(p => p.Reviews.Any(r => r.HeldOn >= from && r.HeldOn <= to) || p.Visits.Any(v => v.ChildSeen && v.VisitedOn >= from && v.VisitedOn <= to))
                .LedBy(led, p => p.ChildId)
                .Select(p => new { p.ChildId, p.StartedOn, Reviews = p.Reviews.Select(r => r.HeldOn).ToList(), Visits = p.Visits.Where(v => v.ChildSeen).Select(v => v.VisitedOn).ToList() })
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var childInNeed = await db.ChildInNeedPlans.AsNoTracking()
                .Where(p => p.Visits.Any(v => v.ChildSeen && v.VisitedOn >= from && v.VisitedOn <= to))
                .LedBy(led, p => p.ChildId)
                .Select(p => new { p.ChildId, p.StartedOn, Visits = p.Visits.Where(v => v.ChildSeen).Select(v => v.VisitedOn).ToList() })
                .ToListAsync(cancellationToken);
            var care = await db.PeriodsOfCare.AsNoTracking()
                .Where(p => p.Reviews.Any(r => r.HeldOn >= from && r.HeldOn <= to) || p.Visits.Any(v => v.ChildSeen && v.VisitedOn >= from && v.VisitedOn <= to))
                .LedBy(led, p => p.ChildId)
                .Select(p => new
                {
                    p.ChildId,
                    p.StartedOn,
                    Episodes = p.Episodes.Select(e => new CareVisits.Episode(e.StartedOn, e.ReasonForNewEpisode, e.LegalStatus, e.Placement.Type, e.Placement.IntendedLongTerm, e.Placement.Approval, e.ApprovalCompletedOn)).ToList(),
                    Reviews = p.Reviews.Select(r => r.HeldOn).ToList(),
                    Visits = p.Visits.Where(v => v.ChildSeen).Select(v => v.VisitedOn).ToList(),
                })
                .AsSplitQuery()
                .ToListAsync(cancellationToken);

            bool InPeriod(DateOnly d) => d >= from && d <= to;
            string WorkingDays(DateOnly due, DateOnly on) => Plural(calendar.WorkingDaysBetween(due, on), "working day");
            static string Days(DateOnly due, DateOnly on) => Plural(on.DayNumber - due.DayNumber, "day");
            var late = new List<(string Key, Guid? ChildId, string? Reference, DateOnly Due, DateOnly On, string By)>();
            var totals = new Dictionary<string, (int InTime, int Total)>();
            void Count(string key, bool inTime, Guid? childId, string? reference, DateOnly due, DateOnly on, string by)
            {
                var (inTimeSoFar, total) = totals.GetValueOrDefault(key);
                totals[key] = (inTimeSoFar + (inTime ? 1 : 0), total + 1);
                if (!inTime)
                {
                    late.Add((key, childId, reference, due, on, by));
                }
            }

            foreach (var d in decisions)
            {
                // A contact is due by a time (the end of the next working day's hours, Contact.DecisionDueAtUtc), so one
                // decided later the same day is late by hours.
                var due = DateOnly.FromDateTime(UkTime.ToLocal(d.DecisionDueAtUtc));
                var decided = DateOnly.FromDateTime(UkTime.ToLocal(d.DecidedAtUtc));
                var by = decided == due ? Plural((int)Math.Ceiling((d.DecidedAtUtc - d.DecisionDueAtUtc).TotalHours), "hour") : WorkingDays(due, decided);
                Count(Keys.Contacts, d.WithinTimescale, null, d.Reference, due, decided, by);
            }

            var durations = new List<int>();
            foreach (var a in assessments)
            {
                var due = rules.AssessmentDue(a.ReferralDate);
                durations.Add(calendar.WorkingDaysBetween(a.ReferralDate, a.AuthorisedOn));
                Count(Keys.Assessments, a.AuthorisedOn <= due, a.ChildId, null, due, a.AuthorisedOn, WorkingDays(due, a.AuthorisedOn));
            }

            foreach (var c in conferences)
            {
                var due = rules.InitialConferenceDue(c.StrategyHeldOn);
                Count(Keys.InitialConferences, c.HeldOn <= due, c.ChildId, null, due, c.HeldOn, WorkingDays(due, c.HeldOn));
            }

            foreach (var plan in protection)
            {
                var reviews = plan.Reviews.Order().ToList();
                for (var i = 0; i < reviews.Count; i++)
                {
                    if (InPeriod(reviews[i]))
                    {
                        var due = rules.ChildProtectionReviewDue(plan.StartedOn, i == 0 ? null : reviews[i - 1]);
                        Count(Keys.ProtectionReviews, reviews[i] <= due, plan.ChildId, null, due, reviews[i], Days(due, reviews[i]));
                    }
                }

                VisitsOf(plan.ChildId, plan.StartedOn, plan.Visits, Keys.ProtectionVisits, rules.ChildProtectionVisitDue);
            }

            foreach (var plan in childInNeed)
            {
                VisitsOf(plan.ChildId, plan.StartedOn, plan.Visits, Keys.ChildInNeedVisits, rules.ChildInNeedVisitDue);
            }

            foreach (var period in care)
            {
                var episodes = period.Episodes.OrderBy(e => e.StartedOn).ToList();
                var reviews = period.Reviews.Order().ToList();
                for (var i = 0; i < reviews.Count; i++)
                {
                    if (InPeriod(reviews[i]))
                    {
                        var due = rules.LookedAfterReviewDue(period.StartedOn, reviews[..i], Domain.Timescales.LookedAfterVisitRule.IsShortBreaks(episodes.Select(e => e.LegalStatus).FirstOrDefault()));
                        Count(Keys.LookedAfterReviews, reviews[i] <= due, period.ChildId, null, due, reviews[i], Days(due, reviews[i]));
                    }
                }

                var visits = period.Visits.Order().ToList();
                for (var i = 0; i < visits.Count; i++)
                {
                    if (InPeriod(visits[i]))
                    {
                        var due = CareVisits.DueBefore(rules, period.StartedOn, episodes, reviews, visits[..i], visits[i]);
                        Count(Keys.LookedAfterVisits, visits[i] <= due, period.ChildId, null, due, visits[i], Days(due, visits[i]));
                    }
                }
            }

            void VisitsOf(Guid childId, DateOnly planStart, List<DateOnly> seen, string key, Func<DateOnly, DateOnly?, DateOnly> dueAfter)
            {
                var visits = seen.Order().ToList();
                for (var i = 0; i < visits.Count; i++)
                {
                    if (InPeriod(visits[i]))
                    {
                        var due = dueAfter(planStart, i == 0 ? null : visits[i - 1]);
                        Count(key, visits[i] <= due, childId, null, due, visits[i], WorkingDays(due, visits[i]));
                    }
                }
            }

            var ordered = late.GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.On).ThenBy(l => l.ChildId).ToList());
            var toName = ordered.Values.SelectMany(list => query.NameEvery ? list : list.Take(NamedOnPage))
                .Where(l => l.ChildId is not null).Select(l => l.ChildId!.Value).Distinct().ToList();
            var names = new Dictionary<Guid, string>();
            foreach (var batch in toName.Chunk(NameBatch))
            {
                foreach (var person in await access.Visible(db.People.AsNoTracking()).Where(p => batch.Contains(p.Id))
                    .Select(p => new { p.Id, Name = p.GivenNames + " " + p.FamilyName }).ToListAsync(cancellationToken))
                {
                    names[person.Id] = person.Name;
                }
            }

            string Who(Guid? childId, string? reference, int index) =>
                reference ?? (!query.NameEvery && index >= NamedOnPage ? string.Empty : names.GetValueOrDefault(childId!.Value, "Restricted record"));
            Indicator Build(string key, string name, string definition)
            {
                var (inTime, total) = totals.GetValueOrDefault(key);
                return new Indicator(key, name, definition, inTime, total, [.. ordered.GetValueOrDefault(key, [])
                    .Select((l, i) => new Exception(l.ChildId, Who(l.ChildId, l.Reference, i), l.Due, l.On, l.By))]);
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
            Bands(durations));
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

        private static string Plural(int n, string unit) => $"{n} {unit}{(n == 1 ? string.Empty : "s")}";
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
