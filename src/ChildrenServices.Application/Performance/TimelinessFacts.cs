using System.Security.Cryptography;
using System.Text;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Performance;

/// <summary>
/// Brings the timeliness facts (<see cref="TimelinessFact"/>) up to date from the records (ADR 0031): for every contact,
/// assessment, enquiry, plan and period of care saved since the last refresh, its facts are worked out again with the
/// council's timescales and replace the old ones; when the timescales or the calendar change, or a day has passed since
/// the last full rebuild, every record's are. Each batch of records is its own short transaction, so a rebuild never
/// holds the database from the workers recording. Run in the background (TimelinessRefresher) and by the tests.
/// </summary>
public sealed class TimelinessFacts(IAppDbContext db, Timescales.TimescaleProvider timescaleProvider, WorkingDayCalendar calendar, TimeProvider clock)
{
    /// <summary>Records worked out and saved together.</summary>
    private const int Batch = 250;

    public sealed record Outcome(bool Rebuilt, int Records, int Facts, DateTime AsAtUtc);

    public async Task<Outcome> RefreshAsync(CancellationToken ct = default)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var rules = await timescaleProvider.CurrentAsync(ct);
        var fingerprint = Fingerprint(rules);
        var state = await db.TimelinessRefreshes.SingleOrDefaultAsync(r => r.Id == TimelinessRefresh.SingletonId, ct);
        var rebuild = state is null || state.Fingerprint != fingerprint || state.RebuiltAtUtc < started.AddDays(-1);
        var since = rebuild ? DateTime.MinValue : state!.RefreshedAtUtc;
        var before = rebuild ? await db.TimelinessFacts.MaxAsync(f => (long?)f.Id, ct) ?? 0 : 0;

        var records = 0;
        var facts = 0;
        async Task EachAsync(IQueryable<Guid> changed, Func<List<Guid>, Task<List<TimelinessFact>>> build)
        {
            var ids = await changed.ToListAsync(ct);
            foreach (var chunk in ids.Chunk(Batch))
            {
                var list = chunk.ToList();
                var built = await build(list);
                await db.TimelinessFacts.Where(f => list.Contains(f.SourceId) && (!rebuild || f.Id <= before)).ExecuteDeleteAsync(ct);
                db.TimelinessFacts.AddRange(built);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                records += list.Count;
                facts += built.Count;
            }
        }

        await EachAsync(db.Contacts.Where(c => c.UpdatedAtUtc > since).Select(c => c.Id), ContactsAsync);
        await EachAsync(db.ChildAndFamilyAssessments.Where(a => a.UpdatedAtUtc > since && a.Status == AssessmentStatus.Authorised).Select(a => a.Id), ids => AssessmentsAsync(ids, rules));
        await EachAsync(db.ChildProtectionEnquiries.Where(e => e.UpdatedAtUtc > since && e.ConferenceHeldOn != null).Select(e => e.Id), ids => ConferencesAsync(ids, rules));
        await EachAsync(db.ChildProtectionPlans.Where(p => p.UpdatedAtUtc > since).Select(p => p.Id), ids => ProtectionAsync(ids, rules));
        await EachAsync(db.ChildInNeedPlans.Where(p => p.UpdatedAtUtc > since).Select(p => p.Id), ids => ChildInNeedAsync(ids, rules));
        await EachAsync(db.PeriodsOfCare.Where(p => p.UpdatedAtUtc > since).Select(p => p.Id), ids => CareAsync(ids, rules));
        if (rebuild)
        {
            // Whatever the rebuild did not replace belonged to a record that is no longer there.
            await db.TimelinessFacts.Where(f => f.Id <= before).ExecuteDeleteAsync(ct);
        }

        state = await db.TimelinessRefreshes.SingleOrDefaultAsync(r => r.Id == TimelinessRefresh.SingletonId, ct);
        if (state is null)
        {
            state = new TimelinessRefresh();
            db.TimelinessRefreshes.Add(state);
        }

        state.RefreshedAtUtc = started;
        state.Fingerprint = fingerprint;
        if (rebuild)
        {
            state.RebuiltAtUtc = started;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new Outcome(rebuild, records, facts, started);
    }

    /// <summary>The timescales and the bank holidays the facts depend on: a change to either rebuilds them.</summary>
    private string Fingerprint(StatutoryTimescales rules)
    {
        var text = new StringBuilder(rules.Local.ToString());
        for (var year = 2000; year <= 2040; year++)
        {
            text.AppendJoin(',', calendar.HolidaysIn(year).Select(h => h.Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private string WorkingDays(DateOnly due, DateOnly on) => Plural(calendar.WorkingDaysBetween(due, on), "working day");

    private static string Days(DateOnly due, DateOnly on) => Plural(on.DayNumber - due.DayNumber, "day");

    private static string Plural(int n, string unit) => $"{n} {unit}{(n == 1 ? string.Empty : "s")}";

    /// <summary>A contact's decision in force: due by a time (the end of the next working day's hours), so one decided later the same day is late by hours.</summary>
    private async Task<List<TimelinessFact>> ContactsAsync(List<Guid> ids)
    {
        var decisions = await db.ContactDecisions.AsNoTracking()
            .Where(d => ids.Contains(d.ContactId) && d.SupersededById == null && (d.SignOff == SignOffState.NotNeeded || d.SignOff == SignOffState.Agreed))
            .Join(db.Contacts, d => d.ContactId, c => c.Id, (d, c) => new { c.Id, c.Reference, c.ReceivedAtUtc, c.DecisionDueAtUtc, d.DecidedAtUtc, d.WithinTimescale })
            .ToListAsync();
        return
        [
            .. decisions.Select(d =>
            {
                var due = DateOnly.FromDateTime(UkTime.ToLocal(d.DecisionDueAtUtc));
                var decided = DateOnly.FromDateTime(UkTime.ToLocal(d.DecidedAtUtc));
                var by = decided == due ? Plural((int)Math.Ceiling((d.DecidedAtUtc - d.DecisionDueAtUtc).TotalHours), "hour") : WorkingDays(due, decided);
                return new TimelinessFact(GetTimeliness.Keys.Contacts, d.Id, null, d.Reference, DateOnly.FromDateTime(UkTime.ToLocal(d.ReceivedAtUtc)), due, decided, d.WithinTimescale, by, null);
            }),
        ];
    }

    private async Task<List<TimelinessFact>> AssessmentsAsync(List<Guid> ids, StatutoryTimescales rules)
    {
        var assessments = await db.ChildAndFamilyAssessments.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.Status == AssessmentStatus.Authorised && a.AuthorisedOn != null)
            .Select(a => new { a.Id, a.ChildId, a.ReferralDate, AuthorisedOn = a.AuthorisedOn!.Value })
            .ToListAsync();
        return
        [
            .. assessments.Select(a =>
            {
                var due = rules.AssessmentDue(a.ReferralDate);
                return new TimelinessFact(GetTimeliness.Keys.Assessments, a.Id, a.ChildId, null, a.AuthorisedOn, due, a.AuthorisedOn, a.AuthorisedOn <= due,
                    WorkingDays(due, a.AuthorisedOn), calendar.WorkingDaysBetween(a.ReferralDate, a.AuthorisedOn));
            }),
        ];
    }

    private async Task<List<TimelinessFact>> ConferencesAsync(List<Guid> ids, StatutoryTimescales rules)
    {
        var conferences = await db.ChildProtectionEnquiries.AsNoTracking()
            .Where(e => ids.Contains(e.Id) && e.ConferenceHeldOn != null)
            .Select(e => new { e.Id, e.ChildId, e.StrategyHeldOn, HeldOn = e.ConferenceHeldOn!.Value })
            .ToListAsync();
        return
        [
            .. conferences.Select(c =>
            {
                var due = rules.InitialConferenceDue(c.StrategyHeldOn);
                return new TimelinessFact(GetTimeliness.Keys.InitialConferences, c.Id, c.ChildId, null, c.HeldOn, due, c.HeldOn, c.HeldOn <= due, WorkingDays(due, c.HeldOn), null);
            }),
        ];
    }

    private async Task<List<TimelinessFact>> ProtectionAsync(List<Guid> ids, StatutoryTimescales rules)
    {
        var plans = await db.ChildProtectionPlans.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.ChildId, p.StartedOn, Reviews = p.Reviews.Select(r => r.HeldOn).ToList(), Visits = p.Visits.Where(v => v.ChildSeen).Select(v => v.VisitedOn).ToList() })
            .AsSplitQuery()
            .ToListAsync();
        var facts = new List<TimelinessFact>();
        foreach (var plan in plans)
        {
            var reviews = plan.Reviews.Order().ToList();
            for (var i = 0; i < reviews.Count; i++)
            {
                var due = rules.ChildProtectionReviewDue(plan.StartedOn, i == 0 ? null : reviews[i - 1]);
                facts.Add(new TimelinessFact(GetTimeliness.Keys.ProtectionReviews, plan.Id, plan.ChildId, null, reviews[i], due, reviews[i], reviews[i] <= due, Days(due, reviews[i]), null));
            }

            Visits(facts, GetTimeliness.Keys.ProtectionVisits, plan.Id, plan.ChildId, plan.StartedOn, plan.Visits, rules.ChildProtectionVisitDue);
        }

        return facts;
    }

    private async Task<List<TimelinessFact>> ChildInNeedAsync(List<Guid> ids, StatutoryTimescales rules)
    {
        var plans = await db.ChildInNeedPlans.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.ChildId, p.StartedOn, Visits = p.Visits.Where(v => v.ChildSeen).Select(v => v.VisitedOn).ToList() })
            .ToListAsync();
        var facts = new List<TimelinessFact>();
        foreach (var plan in plans)
        {
            Visits(facts, GetTimeliness.Keys.ChildInNeedVisits, plan.Id, plan.ChildId, plan.StartedOn, plan.Visits, rules.ChildInNeedVisitDue);
        }

        return facts;
    }

    private void Visits(List<TimelinessFact> facts, string key, Guid source, Guid childId, DateOnly planStart, List<DateOnly> seen, Func<DateOnly, DateOnly?, DateOnly> dueAfter)
    {
        var visits = seen.Order().ToList();
        for (var i = 0; i < visits.Count; i++)
        {
            var due = dueAfter(planStart, i == 0 ? null : visits[i - 1]);
            facts.Add(new TimelinessFact(key, source, childId, null, visits[i], due, visits[i], visits[i] <= due, WorkingDays(due, visits[i]), null));
        }
    }

    private async Task<List<TimelinessFact>> CareAsync(List<Guid> ids, StatutoryTimescales rules)
    {
        var periods = await db.PeriodsOfCare.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.ChildId,
                p.StartedOn,
                Episodes = p.Episodes.Select(e => new CareVisits.Episode(e.StartedOn, e.ReasonForNewEpisode, e.LegalStatus, e.Placement.Type, e.Placement.IntendedLongTerm, e.Placement.Approval, e.ApprovalCompletedOn)).ToList(),
                Reviews = p.Reviews.Select(r => r.HeldOn).ToList(),
                Visits = p.Visits.Where(v => v.ChildSeen).Select(v => v.VisitedOn).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync();
        var facts = new List<TimelinessFact>();
        foreach (var period in periods)
        {
            var episodes = period.Episodes.OrderBy(e => e.StartedOn).ToList();
            var reviews = period.Reviews.Order().ToList();
            var shortBreaks = LookedAfterVisitRule.IsShortBreaks(episodes.Select(e => e.LegalStatus).FirstOrDefault());
            for (var i = 0; i < reviews.Count; i++)
            {
                var due = rules.LookedAfterReviewDue(period.StartedOn, reviews[..i], shortBreaks);
                facts.Add(new TimelinessFact(GetTimeliness.Keys.LookedAfterReviews, period.Id, period.ChildId, null, reviews[i], due, reviews[i], reviews[i] <= due, Days(due, reviews[i]), null));
            }

            var visits = period.Visits.Order().ToList();
            for (var i = 0; i < visits.Count; i++)
            {
                var due = CareVisits.DueBefore(rules, period.StartedOn, episodes, reviews, visits[..i], visits[i]);
                facts.Add(new TimelinessFact(GetTimeliness.Keys.LookedAfterVisits, period.Id, period.ChildId, null, visits[i], due, visits[i], visits[i] <= due, Days(due, visits[i]), null));
            }
        }

        return facts;
    }
}
