using System.Runtime.CompilerServices;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// Reads Ofsted's Annex A lists 1 to 8 for a period from the record, one list at a time, a batch of rows at a time: the
/// list's row keys in one statement (in child and date order), then a handful of statements for each batch of
/// <see cref="AnnexA.BatchSize"/>, so a council of any size streams through without being held in memory. Each row is the
/// list's cells in Ofsted's column order: text, <see cref="DateOnly"/>, <see cref="int"/>, or null for a blank cell.
/// </summary>
/// <remarks>
/// What each list holds is on <see cref="AnnexA"/>'s lists (and the page); how each column is read is said beside it
/// below. Every list counts every child, restricted ones too, as the statutory returns do; merged records (tombstones)
/// are left out. As at the period's end: anything dated after it is read as not yet happened.
/// <list type="bullet">
/// <item>Allocated Team and Worker: the child's lead allocation during the item (from its start to its end, or to the
/// period's end while it is open), the latest where there were several; blank where nobody led the child then.</item>
/// <item>"In the last 12 months" counts in Lists 3 and 5 look back 12 months from the item's own date and leave the item
/// out, as D2I's extract does; List 8's look back 12 months from the period's end.</item>
/// </list>
/// </remarks>
public sealed class AnnexAReader(IAppDbContext db, DateOnly start, DateOnly to)
{
    private readonly DateTime startUtc = UkTime.ToUtc(start.ToDateTime(TimeOnly.MinValue));
    private readonly DateTime endUtc = UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>The start of "the last 12 months" to the period's end (12 months back from 24 November 2026 is 24 November 2025, which counts).</summary>
    private readonly DateOnly yearBack = to.AddYears(-1);

    /// <summary>A list's row: the item it is about and its child, in the list's order.</summary>
    private sealed record RowKey(Guid Item, Guid Child);

    /// <summary>A row of a list before ordering: what it is, whose, and what it sorts by after the child.</summary>
    private sealed class Keyed<TSort>
    {
        public Guid Item { get; init; }

        public Guid Child { get; init; }

        public string? LocalId { get; init; }

        public TSort Sort { get; init; } = default!;
    }

    private sealed record ChildInfo(
        string? LocalId, Sex Sex, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, DateOnly? DateOfDeath, string? EthnicityCode,
        List<string> DisabilityCodes, bool Uasc, DateOnly? UascFrom, DateOnly? UascCeasedOn);

    private sealed record Lead(DateOnly StartedOn, DateOnly? EndedOn, string? Team, string? Worker);

    private DateOnly? AsAt(DateOnly? date) => date > to ? null : date;

    // ---- The lists' rows: what each holds (one query each, used to count and to read) ----

    /// <summary>List 1: each child (on the record) of each contact received in the period, by its UK date.</summary>
    private IQueryable<Keyed<DateTime>> ContactRows =>
        from c in db.Contacts
        where c.ReceivedAtUtc >= startUtc && c.ReceivedAtUtc < endUtc
        from cp in c.People
        where cp.Role == ContactPersonRole.Child
        join p in db.People on cp.PersonId equals p.Id
        where p.MergedIntoId == null
        select new Keyed<DateTime> { Item = c.Id, Child = p.Id, LocalId = p.LocalId, Sort = c.ReceivedAtUtc };

    /// <summary>
    /// List 2: each child of each early help assessment started or completed in the period. An assessment starts when its
    /// family's episode does (it is opened with the episode), so its start is the episode's.
    /// </summary>
    private IQueryable<Keyed<DateOnly>> EarlyHelpRows =>
        from a in db.EarlyHelpAssessments
        join e in db.EarlyHelpEpisodes on a.EpisodeId equals e.Id
        where (e.StartedOn >= start && e.StartedOn <= to) || (a.CompletedOn >= start && a.CompletedOn <= to)
        from ec in e.Children
        join p in db.People on ec.ChildId equals p.Id
        where p.MergedIntoId == null
        select new Keyed<DateOnly> { Item = a.Id, Child = p.Id, LocalId = p.LocalId, Sort = e.StartedOn };

    /// <summary>List 3: referrals dated in the period, not withdrawn (a withdrawn one was a decision corrected before any work).</summary>
    private IQueryable<Keyed<DateOnly>> ReferralRows =>
        from r in db.Referrals
        where r.Status != ReferralStatus.Withdrawn && r.ReferralDate >= start && r.ReferralDate <= to
        join p in db.People on r.ChildId equals p.Id
        where p.MergedIntoId == null
        select new Keyed<DateOnly> { Item = r.Id, Child = p.Id, LocalId = p.LocalId, Sort = r.ReferralDate };

    /// <summary>List 4: assessments open at some point in the period (as D2I reads "assessments in the period").</summary>
    private IQueryable<Keyed<DateOnly>> AssessmentRows =>
        from a in db.ChildAndFamilyAssessments
        where a.StartedOn <= to && (a.AuthorisedOn == null || a.AuthorisedOn >= start)
        join p in db.People on a.ChildId equals p.Id
        where p.MergedIntoId == null
        select new Keyed<DateOnly> { Item = a.Id, Child = p.Id, LocalId = p.LocalId, Sort = a.StartedOn };

    /// <summary>List 5: section 47 enquiries started in the period (a strategy discussion that decided on no enquiry is not one).</summary>
    private IQueryable<Keyed<DateOnly>> Section47Rows =>
        from e in db.ChildProtectionEnquiries
        where e.Section47 && e.StrategyHeldOn >= start && e.StrategyHeldOn <= to
        join p in db.People on e.ChildId equals p.Id
        where p.MergedIntoId == null
        select new Keyed<DateOnly> { Item = e.Id, Child = p.Id, LocalId = p.LocalId, Sort = e.StrategyHeldOn };

    /// <summary>
    /// List 6: episodes of need open at some point in the period, not withdrawn, and not ended with no further action at the
    /// referral (Ofsted leaves out children "only the subject of a referral").
    /// </summary>
    private IQueryable<Keyed<DateOnly>> ChildInNeedRows =>
        from r in db.Referrals
        where r.Status != ReferralStatus.Withdrawn && !r.NoFurtherAction && r.ReferralDate <= to && (r.ClosedOn == null || r.ClosedOn >= start)
        join p in db.People on r.ChildId equals p.Id
        where p.MergedIntoId == null
        select new Keyed<DateOnly> { Item = r.Id, Child = p.Id, LocalId = p.LocalId, Sort = r.ReferralDate };

    /// <summary>List 7: child protection plans open at some point in the period.</summary>
    private IQueryable<Keyed<DateOnly>> ProtectionRows =>
        from cp in db.ChildProtectionPlans
        where cp.StartedOn <= to && (cp.EndedOn == null || cp.EndedOn >= start)
        join p in db.People on cp.ChildId equals p.Id
        where p.MergedIntoId == null
        select new Keyed<DateOnly> { Item = cp.Id, Child = p.Id, LocalId = p.LocalId, Sort = cp.StartedOn };

    /// <summary>List 8: periods of care open at some point in the period.</summary>
    private IQueryable<Keyed<DateOnly>> CareRows =>
        from c in db.PeriodsOfCare
        where c.StartedOn <= to && (c.EndedOn == null || c.EndedOn >= start)
        join p in db.People on c.ChildId equals p.Id
        where p.MergedIntoId == null
        select new Keyed<DateOnly> { Item = c.Id, Child = p.Id, LocalId = p.LocalId, Sort = c.StartedOn };

    /// <summary>Each list's number of rows, in one statement.</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountAsync(CancellationToken ct)
    {
        var counted = await ContactRows.Select(_ => 1)
            .Concat(EarlyHelpRows.Select(_ => 2))
            .Concat(ReferralRows.Select(_ => 3))
            .Concat(AssessmentRows.Select(_ => 4))
            .Concat(Section47Rows.Select(_ => 5))
            .Concat(ChildInNeedRows.Select(_ => 6))
            .Concat(ProtectionRows.Select(_ => 7))
            .Concat(CareRows.Select(_ => 8))
            .GroupBy(list => list)
            .Select(g => new { List = g.Key, Rows = g.Count() })
            .ToDictionaryAsync(c => c.List, c => c.Rows, ct);
        return AnnexA.Lists.ToDictionary(l => l.Number, l => counted.GetValueOrDefault(l.Number));
    }

    /// <summary>The list's rows, a batch at a time.</summary>
    public async IAsyncEnumerable<object?[]> RowsAsync(AnnexA.ListSpec list, [EnumeratorCancellation] CancellationToken ct)
    {
        var keys = list.Number switch
        {
            1 => await OrderedAsync(ContactRows, ct),
            2 => await OrderedAsync(EarlyHelpRows, ct),
            3 => await OrderedAsync(ReferralRows, ct),
            4 => await OrderedAsync(AssessmentRows, ct),
            5 => await OrderedAsync(Section47Rows, ct),
            6 => await OrderedAsync(ChildInNeedRows, ct),
            7 => await OrderedAsync(ProtectionRows, ct),
            8 => await OrderedAsync(CareRows, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(list), list.Number, "Annex A lists 1 to 8 are made"),
        };

        foreach (var batch in keys.Chunk(AnnexA.BatchSize))
        {
            var rows = list.Number switch
            {
                1 => await ContactsAsync(batch, ct),
                2 => await EarlyHelpAsync(batch, ct),
                3 => await ReferralsAsync(batch, ct),
                4 => await AssessmentsAsync(batch, ct),
                5 => await Section47Async(batch, ct),
                6 => await ChildrenInNeedAsync(batch, ct),
                7 => await ProtectionAsync(batch, ct),
                _ => await CareAsync(batch, ct),
            };

            foreach (var row in rows)
            {
                yield return row;
            }
        }
    }

    private static Task<List<RowKey>> OrderedAsync<TSort>(IQueryable<Keyed<TSort>> rows, CancellationToken ct) =>
        rows.AsNoTracking().OrderBy(k => k.LocalId).ThenBy(k => k.Sort).ThenBy(k => k.Item).Select(k => new RowKey(k.Item, k.Child)).ToListAsync(ct);

    // ---- What every list shares: the child's columns and the lead worker ----

    private async Task<Dictionary<Guid, ChildInfo>> ChildrenAsync(RowKey[] batch, CancellationToken ct)
    {
        var ids = batch.Select(k => k.Child).Distinct().ToArray();
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Info = new ChildInfo(p.LocalId, p.Sex, p.DateOfBirth, p.ExpectedDateOfBirth, p.DateOfDeath, p.EthnicityCode, p.DisabilityCodes, p.Uasc, p.UascFrom, p.UascCeasedOn),
            })
            .ToDictionaryAsync(p => p.Id, p => p.Info, ct);
    }

    /// <summary>
    /// Child Unique ID (the local ID, as the DfE returns take it), Gender, Ethnicity, Date of Birth and Age of Child (Years):
    /// a child born after the period's end is returned as the unborn child it then was (no date of birth, gender not
    /// recorded); the age is in whole years at the period's end, or at death.
    /// </summary>
    private object?[] ChildCells(ChildInfo c)
    {
        var born = AsAt(c.DateOfBirth);
        var unborn = born is null && (c.DateOfBirth is not null || c.ExpectedDateOfBirth is not null);
        var ageOn = c.DateOfDeath is { } died && died < to ? died : to;
        return [c.LocalId, AnnexALabels.Gender(c.Sex, unborn), AnnexALabels.Ethnicity(c.EthnicityCode), born, born is { } b ? Person.AgeBetween(b, ageOn) : null];
    }

    private async Task<ILookup<Guid, Lead>> LeadsAsync(RowKey[] batch, CancellationToken ct)
    {
        var ids = batch.Select(k => k.Child).Distinct().ToArray();
        return (await db.Allocations.AsNoTracking()
            .Where(a => ids.Contains(a.ChildId) && a.Role == AllocationRole.Lead && a.StartedOn <= to)
            .Select(a => new
            {
                a.ChildId, a.StartedOn, a.EndedOn,
                Team = db.Teams.Where(t => t.Id == a.TeamId).Select(t => t.Name).FirstOrDefault(),
                Worker = db.Staff.Where(s => s.Id == a.WorkerId).Select(s => s.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct))
            .ToLookup(a => a.ChildId, a => new Lead(a.StartedOn, a.EndedOn, a.Team, a.Worker));
    }

    /// <summary>Allocated Team and Allocated Worker: the latest lead during [<paramref name="start"/>, <paramref name="end"/>].</summary>
    private static object?[] AllocatedCells(IEnumerable<Lead> leads, DateOnly start, DateOnly end)
    {
        var lead = leads.Where(l => l.StartedOn <= end && (l.EndedOn is null || l.EndedOn >= start)).MaxBy(l => l.StartedOn);
        return [lead?.Team, lead?.Worker];
    }

    private static object?[] Row(params IEnumerable<object?>[] parts) => [.. parts.SelectMany(p => p)];

    // ---- Each list's batch ----

    /// <summary>Date of Contact: the UK date it was received. Contact Source: the referrer's DfE source code.</summary>
    private async Task<List<object?[]>> ContactsAsync(RowKey[] batch, CancellationToken ct)
    {
        var ids = batch.Select(k => k.Item).Distinct().ToArray();
        var contacts = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.ReceivedAtUtc, Source = c.Referrer.SourceCode })
            .ToDictionaryAsync(c => c.Id, ct);
        var children = await ChildrenAsync(batch, ct);
        return [.. batch.Select(k =>
        {
            var c = contacts[k.Item];
            return Row(ChildCells(children[k.Child]), [DateOnly.FromDateTime(UkTime.ToLocal(c.ReceivedAtUtc)), AnnexALabels.Source(c.Source)]);
        })];
    }

    /// <summary>
    /// Assessment start date: the episode's start. Completion date: the day it was completed. Organisation completing
    /// assessment: the early help team holding the family's episode (every assessment the product records is the council's).
    /// </summary>
    private async Task<List<object?[]>> EarlyHelpAsync(RowKey[] batch, CancellationToken ct)
    {
        var ids = batch.Select(k => k.Item).Distinct().ToArray();
        var assessments = await (
            from a in db.EarlyHelpAssessments.AsNoTracking()
            where ids.Contains(a.Id)
            join e in db.EarlyHelpEpisodes on a.EpisodeId equals e.Id
            select new { a.Id, e.StartedOn, a.CompletedOn, Team = db.Teams.Where(t => t.Id == e.TeamId).Select(t => t.Name).FirstOrDefault() })
            .ToDictionaryAsync(a => a.Id, ct);
        var children = await ChildrenAsync(batch, ct);
        return [.. batch.Select(k =>
        {
            var a = assessments[k.Item];
            return Row(ChildCells(children[k.Child]), [a.StartedOn, AsAt(a.CompletedOn), a.Team]);
        })];
    }

    /// <summary>
    /// Referral NFA?: ended with no further action at the referral, by the period's end. Number of Referrals in Last 12
    /// Months: the child's other referrals (not withdrawn) in the 12 months up to this one's date (the re-referral
    /// definition), this one left out.
    /// </summary>
    private async Task<List<object?[]>> ReferralsAsync(RowKey[] batch, CancellationToken ct)
    {
        var ids = batch.Select(k => k.Item).ToArray();
        var childIds = batch.Select(k => k.Child).Distinct().ToArray();
        var referrals = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.ReferralDate, r.SourceCode, r.NoFurtherAction, r.ClosedOn })
            .ToDictionaryAsync(r => r.Id, ct);
        var yearBefore = start.AddYears(-1);
        var history = (await db.Referrals.AsNoTracking()
            .Where(r => childIds.Contains(r.ChildId) && r.Status != ReferralStatus.Withdrawn && r.ReferralDate >= yearBefore && r.ReferralDate <= to)
            .Select(r => new { r.Id, r.ChildId, r.ReferralDate })
            .ToListAsync(ct))
            .ToLookup(r => r.ChildId);
        var children = await ChildrenAsync(batch, ct);
        var leads = await LeadsAsync(batch, ct);
        return [.. batch.Select(k =>
        {
            var r = referrals[k.Item];
            var closed = AsAt(r.ClosedOn);
            var before = history[k.Child].Count(o => o.Id != r.Id && o.ReferralDate >= r.ReferralDate.AddYears(-1)
                && (o.ReferralDate < r.ReferralDate || (o.ReferralDate == r.ReferralDate && o.Id.CompareTo(r.Id) < 0)));
            return Row(
                ChildCells(children[k.Child]),
                [r.ReferralDate, AnnexALabels.Source(r.SourceCode), AnnexALabels.YesNo(r.NoFurtherAction && closed is not null), before],
                AllocatedCells(leads[k.Child], r.ReferralDate, closed ?? to));
        })];
    }

    /// <summary>
    /// Child Seen: a date seen recorded on the assessment by the period's end. Date of Authorisation: the manager's
    /// authorisation (the assessment's completion). Requiring support: from the authorised outcome (a child in need plan, a
    /// strategy discussion or care is yes; no further action or early help is no); blank until authorised.
    /// </summary>
    private async Task<List<object?[]>> AssessmentsAsync(RowKey[] batch, CancellationToken ct)
    {
        var ids = batch.Select(k => k.Item).ToArray();
        var assessments = await db.ChildAndFamilyAssessments.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.StartedOn, a.AuthorisedOn, a.Outcome, Seen = a.Seen.Any(s => s.SeenOn <= to) })
            .ToDictionaryAsync(a => a.Id, ct);
        var children = await ChildrenAsync(batch, ct);
        var leads = await LeadsAsync(batch, ct);
        return [.. batch.Select(k =>
        {
            var a = assessments[k.Item];
            var child = children[k.Child];
            var authorised = AsAt(a.AuthorisedOn);
            bool? support = authorised is null || a.Outcome is null
                ? null
                : a.Outcome is AssessmentOutcome.ChildInNeedPlan or AssessmentOutcome.StrategyDiscussion or AssessmentOutcome.LookedAfter;
            return Row(
                ChildCells(child),
                [AnnexALabels.Disability(child.DisabilityCodes), a.StartedOn, AnnexALabels.YesNo(a.Seen), authorised, AnnexALabels.YesNo(support)],
                AllocatedCells(leads[k.Child], a.StartedOn, authorised ?? to));
        })];
    }

    /// <summary>
    /// ICPC deemed unnecessary: the enquiry's outcome (no conference needed is yes), blank until it concluded. Date of
    /// ICPC, and whether it made a plan (blank until held). The 12-month counts: the child's other section 47 enquiries
    /// started, and initial conferences held, in the 12 months before this enquiry started.
    /// </summary>
    private async Task<List<object?[]>> Section47Async(RowKey[] batch, CancellationToken ct)
    {
        var ids = batch.Select(k => k.Item).ToArray();
        var childIds = batch.Select(k => k.Child).Distinct().ToArray();
        var enquiries = await db.ChildProtectionEnquiries.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.StrategyHeldOn, e.ConferenceNeeded, e.Section47ConcludedOn, e.ConferenceHeldOn, e.ConferenceOutcome })
            .ToDictionaryAsync(e => e.Id, ct);
        var yearBefore = start.AddYears(-1);
        var history = (await db.ChildProtectionEnquiries.AsNoTracking()
            .Where(e => childIds.Contains(e.ChildId) && e.Section47 && e.StrategyHeldOn <= to && (e.StrategyHeldOn >= yearBefore || e.ConferenceHeldOn >= yearBefore))
            .Select(e => new { e.Id, e.ChildId, e.StrategyHeldOn, e.ConferenceHeldOn })
            .ToListAsync(ct))
            .ToLookup(e => e.ChildId);
        var children = await ChildrenAsync(batch, ct);
        var leads = await LeadsAsync(batch, ct);
        return [.. batch.Select(k =>
        {
            var e = enquiries[k.Item];
            var child = children[k.Child];
            var began = e.StrategyHeldOn;
            var concluded = AsAt(e.Section47ConcludedOn);
            var conference = AsAt(e.ConferenceHeldOn);
            var others = history[k.Child].Where(o => o.Id != e.Id).ToList();
            var enquiriesBefore = others.Count(o => o.StrategyHeldOn >= began.AddYears(-1)
                && (o.StrategyHeldOn < began || (o.StrategyHeldOn == began && o.Id.CompareTo(e.Id) < 0)));
            var conferencesBefore = others.Count(o => o.ConferenceHeldOn >= began.AddYears(-1) && o.ConferenceHeldOn < began);
            return Row(
                ChildCells(child),
                [
                    AnnexALabels.Disability(child.DisabilityCodes), began,
                    concluded is null ? null : AnnexALabels.YesNo(e.ConferenceNeeded == false),
                    conference,
                    conference is null ? null : AnnexALabels.YesNo(e.ConferenceOutcome == ConferenceOutcome.ChildProtectionPlan),
                    enquiriesBefore, conferencesBefore,
                ],
                AllocatedCells(leads[k.Child], began, conference ?? (e.ConferenceNeeded == false ? concluded : null) ?? to));
        })];
    }

    /// <summary>
    /// CIN Start Date: the referral date. Primary Need Code: as it stands. Date Child Was Last Seen: the latest day the child
    /// was seen in the episode by the period's end (a date seen during its assessments, a child in need or protection visit
    /// where the child was seen, a looked-after visit where the child was seen). Case Status at the period's end: closed;
    /// else looked after; else on a protection plan; else on a child in need plan; else, once an assessment on the episode
    /// is authorised, "child in need plan" (receiving services as a child in need, D2I's reading); else open assessment
    /// (the episode is at its assessment, started or not).
    /// </summary>
    private async Task<List<object?[]>> ChildrenInNeedAsync(RowKey[] batch, CancellationToken ct)
    {
        var ids = batch.Select(k => k.Item).ToArray();
        var episodes = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.ReferralDate, r.PrimaryNeedCode, r.ClosedOn, r.ClosureReasonCode,
                NeedRevisions = r.PrimaryNeedRevisions.Where(v => v.RevisedOn > to).Select(v => new { v.RevisedOn, v.FromCode }).ToList(),
                SeenAtAssessment = db.ChildAndFamilyAssessments.Where(a => a.ReferralId == r.Id).SelectMany(a => a.Seen)
                    .Where(s => s.SeenOn <= to).Max(s => (DateOnly?)s.SeenOn),
                SeenInNeed = db.ChildInNeedPlans.Where(p => p.ReferralId == r.Id).SelectMany(p => p.Visits)
                    .Where(v => v.ChildSeen && v.VisitedOn <= to).Max(v => (DateOnly?)v.VisitedOn),
                SeenProtection = db.ChildProtectionPlans.Where(p => p.ReferralId == r.Id).SelectMany(p => p.Visits)
                    .Where(v => v.ChildSeen && v.VisitedOn <= to).Max(v => (DateOnly?)v.VisitedOn),
                SeenInCare = db.PeriodsOfCare.Where(c => c.ChildId == r.ChildId).SelectMany(c => c.Visits)
                    .Where(v => v.ChildSeen && v.VisitedOn >= r.ReferralDate && v.VisitedOn <= to && (r.ClosedOn == null || v.VisitedOn <= r.ClosedOn))
                    .Max(v => (DateOnly?)v.VisitedOn),
                LookedAfter = db.PeriodsOfCare.Any(c => c.ChildId == r.ChildId && c.StartedOn <= to && (c.EndedOn == null || c.EndedOn > to)),
                OnProtectionPlan = db.ChildProtectionPlans.Any(p => p.ChildId == r.ChildId && p.StartedOn <= to && (p.EndedOn == null || p.EndedOn > to)),
                OnInNeedPlan = db.ChildInNeedPlans.Any(p => p.ChildId == r.ChildId && p.StartedOn <= to && (p.EndedOn == null || p.EndedOn > to)),
                Assessed = db.ChildAndFamilyAssessments.Any(a => a.ReferralId == r.Id && a.AuthorisedOn <= to),
            })
            .ToDictionaryAsync(r => r.Id, ct);
        var children = await ChildrenAsync(batch, ct);
        var leads = await LeadsAsync(batch, ct);
        return [.. batch.Select(k =>
        {
            var r = episodes[k.Item];
            var child = children[k.Child];
            var closed = AsAt(r.ClosedOn);
            var lastSeen = new[] { r.SeenAtAssessment, r.SeenInNeed, r.SeenProtection, r.SeenInCare }
                .Where(d => d >= r.ReferralDate && (closed is null || d <= closed)).Max();
            var status = closed is not null ? AnnexALabels.CaseStatus.ClosedEpisode
                : r.LookedAfter ? AnnexALabels.CaseStatus.LookedAfter
                : r.OnProtectionPlan ? AnnexALabels.CaseStatus.ChildProtectionPlan
                : r.OnInNeedPlan || r.Assessed ? AnnexALabels.CaseStatus.ChildInNeedPlan
                : AnnexALabels.CaseStatus.OpenAssessment;
            return Row(
                ChildCells(child),
                [
                    AnnexALabels.Disability(child.DisabilityCodes), r.ReferralDate, AnnexALabels.Need(Referral.PrimaryNeedOn(to, r.PrimaryNeedCode, r.NeedRevisions.Select(v => (v.RevisedOn, v.FromCode)))), lastSeen, closed,
                    closed is null ? null : AnnexALabels.Closure(r.ClosureReasonCode), AnnexALabels.Status(status),
                ],
                AllocatedCells(leads[k.Child], r.ReferralDate, closed ?? to));
        })];
    }

    /// <summary>
    /// Latest Category of Abuse: as at the period's end (the last review's by then). Last Statutory Visit: the plan's latest visit by the period's end, and
    /// whether the child was seen alone on it. Latest review conference: the plan's latest by then. Emergency protection or
    /// police protection in the last six months: a looked-after episode under L1 (police protection) or L2 (emergency
    /// protection order) in the six months to the period's end; police protection without the council accommodating the
    /// child is not recorded. Number of Previous Plans: as the CIN census counts it.
    /// </summary>
    private async Task<List<object?[]>> ProtectionAsync(RowKey[] batch, CancellationToken ct)
    {
        var ids = batch.Select(k => k.Item).ToArray();
        var childIds = batch.Select(k => k.Child).Distinct().ToArray();
        var sixMonthsBack = to.AddMonths(-6);
        var plans = await db.ChildProtectionPlans.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.StartedOn, p.EndedOn, p.InitialCategory, p.LatestCategory, p.PreviousPlansElsewhere,
                LastVisit = p.Visits.Where(v => v.VisitedOn <= to).Max(v => (DateOnly?)v.VisitedOn),
                LastVisitAlone = p.Visits.Where(v => v.VisitedOn <= to).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.SeenAlone)
                    .Select(v => (bool?)v.SeenAlone).FirstOrDefault(),
                Reviews = p.Reviews.Where(r => r.HeldOn <= to).Select(r => new { r.HeldOn, r.PlanContinues, r.Category }).ToList(),
                Protected = db.PeriodsOfCare.Where(c => c.ChildId == p.ChildId).SelectMany(c => c.Episodes)
                    .Any(e => (e.LegalStatus == "L1" || e.LegalStatus == "L2") && e.StartedOn <= to && (e.EndedOn == null || e.EndedOn >= sixMonthsBack)),
            })
            .ToDictionaryAsync(p => p.Id, ct);
        var everyPlan = (await db.ChildProtectionPlans.AsNoTracking().Where(p => childIds.Contains(p.ChildId))
            .Select(p => new { p.Id, p.ChildId, p.StartedOn, p.PreviousPlansElsewhere })
            .ToListAsync(ct))
            .ToLookup(p => p.ChildId);
        var children = await ChildrenAsync(batch, ct);
        var leads = await LeadsAsync(batch, ct);
        return [.. batch.Select(k =>
        {
            var p = plans[k.Item];
            var child = children[k.Child];
            var ended = AsAt(p.EndedOn);
            var previous = ChildProtectionPlan.CountPreviousPlans(
                p.StartedOn, p.PreviousPlansElsewhere, everyPlan[k.Child].Where(o => o.Id != p.Id).Select(o => (o.StartedOn, o.PreviousPlansElsewhere)));
            return Row(
                ChildCells(child),
                [
                    AnnexALabels.Disability(child.DisabilityCodes), p.StartedOn, AnnexALabels.CategoryOfAbuse(p.InitialCategory), AnnexALabels.CategoryOfAbuse(ChildProtectionPlan.CategoryOn(to, p.InitialCategory, p.LatestCategory, p.Reviews.Select(r => (r.HeldOn, r.PlanContinues, r.Category)))),
                    p.LastVisit, p.LastVisit is null ? null : AnnexALabels.YesNo(p.LastVisitAlone), p.Reviews.Max(r => (DateOnly?)r.HeldOn), ended,
                    AnnexALabels.YesNo(p.Protected), previous,
                ],
                AllocatedCells(leads[k.Child], p.StartedOn, ended ?? to));
        })];
    }

    /// <summary>
    /// List 8, from the period of care and its episodes as at the period's end (see each column below). Permanence plan, IRO
    /// visits, health assessments, dental checks, placement location and LA of placement are not recorded: always blank
    /// (<see cref="AnnexA.ChildrenInCareNotRecorded"/>).
    /// </summary>
    private async Task<List<object?[]>> CareAsync(RowKey[] batch, CancellationToken ct)
    {
        var ids = batch.Select(k => k.Item).ToArray();
        var childIds = batch.Select(k => k.Child).Distinct().ToArray();
        var periods = await db.PeriodsOfCare.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.StartedOn, c.EndedOn, c.ReasonCeased, c.CategoryOfNeed,
                LastReview = c.Reviews.Where(r => r.HeldOn <= to).Max(r => (DateOnly?)r.HeldOn),
                LastVisit = c.Visits.Where(v => v.VisitedOn <= to).Max(v => (DateOnly?)v.VisitedOn),
                Offered = c.MissingEpisodes.Where(m => m.Type == "M" && m.StartedOn <= to).OrderByDescending(m => m.StartedOn)
                    .Select(m => m.ReturnInterviewOffered).FirstOrDefault(),
                Accepted = c.MissingEpisodes.Where(m => m.Type == "M" && m.StartedOn <= to).OrderByDescending(m => m.StartedOn)
                    .Select(m => m.ReturnInterviewAccepted).FirstOrDefault(),
            })
            .ToDictionaryAsync(c => c.Id, ct);

        // Every period and episode each child has had up to the period's end: placements and earlier periods look across them.
        var everyPeriod = (await db.PeriodsOfCare.AsNoTracking().Where(c => childIds.Contains(c.ChildId) && c.StartedOn <= to)
            .Select(c => new { c.Id, c.ChildId, c.StartedOn, c.EndedOn })
            .ToListAsync(ct))
            .ToLookup(c => c.ChildId);
        var episodes = (await db.PeriodsOfCare.AsNoTracking().Where(c => childIds.Contains(c.ChildId) && c.StartedOn <= to)
            .SelectMany(c => c.Episodes)
            .Where(e => e.StartedOn <= to)
            .Select(e => new CareEpisodeRow(e.PeriodOfCareId, e.StartedOn, e.EndedOn, e.ReasonForNewEpisode, e.LegalStatus, e.Placement.Type, e.Placement.Provider, e.Placement.Postcode, e.Placement.Urn))
            .ToListAsync(ct))
            .ToLookup(e => e.PeriodId);
        var missing = (await db.PeriodsOfCare.AsNoTracking().Where(c => childIds.Contains(c.ChildId))
            .SelectMany(c => c.MissingEpisodes, (c, m) => new { c.ChildId, m.Type, m.StartedOn })
            .Where(m => m.StartedOn >= yearBack && m.StartedOn <= to)
            .ToListAsync(ct))
            .ToLookup(m => (m.ChildId, m.Type));
        var children = await ChildrenAsync(batch, ct);
        var leads = await LeadsAsync(batch, ct);

        return [.. batch.Select(k =>
        {
            var c = periods[k.Item];
            var child = children[k.Child];
            var ended = AsAt(c.EndedOn);
            var chain = episodes[c.Id].OrderBy(e => e.StartedOn).ToList();
            var current = chain.Count - 1;

            // The current legal status began where the run of episodes with it began; the current placement where the last
            // episode that was not a change of legal status alone (RNE L) began.
            var legal = current;
            while (legal > 0 && chain[legal - 1].LegalStatus == chain[current].LegalStatus)
            {
                legal--;
            }

            var placed = current;
            while (placed > 0 && chain[placed].ReasonForNewEpisode == "L")
            {
                placed--;
            }

            var now = current >= 0 ? chain[current] : null;
            var uasc = child.Uasc && (child.UascFrom is null || child.UascFrom <= to) && (child.UascCeasedOn is null || child.UascCeasedOn >= yearBack);

            // "A second or subsequent period within the last 12 months": the child left an earlier period of care in the 12
            // months before this one started.
            var again = everyPeriod[k.Child].Any(o => o.Id != c.Id && o.StartedOn < c.StartedOn && o.EndedOn is { } left && left <= c.StartedOn && left >= c.StartedOn.AddYears(-1));
            return Row(
                ChildCells(child),
                [
                    AnnexALabels.YesNo(uasc), AnnexALabels.Disability(child.DisabilityCodes), c.StartedOn, AnnexALabels.Need(c.CategoryOfNeed), AnnexALabels.YesNo(again),
                    now is null ? null : chain[legal].StartedOn, AnnexALabels.LegalStatus(now?.LegalStatus), c.LastReview, c.LastVisit,
                    null, null, null, null,
                    PlacementsInTheYear(everyPeriod[k.Child].Select(o => episodes[o.Id])),
                    ended, ended is null ? null : AnnexALabels.ReasonCeased(c.ReasonCeased),
                    now is null ? null : chain[placed].StartedOn, AnnexALabels.PlacementType(now?.PlacementType), AnnexALabels.PlacementProvider(now?.Provider),
                    now?.Postcode, now?.Urn, null, null,
                    missing[(k.Child, "M")].Count(), missing[(k.Child, "A")].Count(),
                    AnnexALabels.YesNo(c.Offered), AnnexALabels.YesNo(c.Accepted),
                ],
                AllocatedCells(leads[k.Child], c.StartedOn, ended ?? to));
        })];
    }

    private sealed record CareEpisodeRow(
        Guid PeriodId, DateOnly StartedOn, DateOnly? EndedOn, string ReasonForNewEpisode, string LegalStatus, string PlacementType, string? Provider, string? Postcode, string? Urn);

    /// <summary>
    /// Number of Placements in the Last 12 months: the child's placements (across their periods of care) in force at some
    /// point in the 12 months to the period's end. A placement begins with each episode that is not a change of legal
    /// status alone (RNE L) and lasts until the next one begins or care ends; temporary placements count as the return
    /// records them.
    /// </summary>
    private int PlacementsInTheYear(IEnumerable<IEnumerable<CareEpisodeRow>> periods)
    {
        var count = 0;
        foreach (var period in periods)
        {
            var chain = period.OrderBy(e => e.StartedOn).ToList();
            for (var i = 0; i < chain.Count; i++)
            {
                if (i > 0 && chain[i].ReasonForNewEpisode == "L")
                {
                    continue;
                }

                var last = i;
                while (last + 1 < chain.Count && chain[last + 1].ReasonForNewEpisode == "L")
                {
                    last++;
                }

                var end = AsAt(chain[last].EndedOn);
                if (end is null || end >= yearBack)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
