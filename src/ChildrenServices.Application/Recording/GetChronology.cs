using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Recording;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Recording;

/// <summary>
/// The child's chronology: significant case notes, the statutory reviews (child in need reviews, child protection
/// review conferences, looked-after reviews) and the child's time in care (starting, each change of legal status or
/// placement, stopping), newest first, filterable by type. A review or a change in care stands at its corrected date,
/// with each correction beside it. Every view is audited.
/// </summary>
public static class GetChronology
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId, CaseNoteType? Type = null) : IQuery<IReadOnlyList<Entry>>, IPersonScoped, IAudited;

    /// <summary>
    /// A significant event; <see cref="RecordedBy"/> is empty where who recorded it was not kept (events recorded before it was).
    /// <see cref="Text"/> is the note in full, as a chronology printed for court needs it.
    /// <see cref="Href"/> is the page holding it when it is not a case note (a review).
    /// </summary>
    public sealed record Entry(
        Guid Id, Guid ChildId, string ChildName, CaseNoteType Type, DateOnly OccurredOn, TimeOnly? OccurredAt, string Title, string Text, string? WhoWasSeen, string RecordedBy,
        IReadOnlyList<AddendumRow> Addenda, string? Href = null);

    /// <summary>A correction travels with what it corrects, on screen and on paper.</summary>
    public sealed record AddendumRow(string Text, DateTime RecordedAtUtc);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, IReadOnlyList<Entry>>
    {
        public async ValueTask<IReadOnlyList<Entry>> Handle(Query query, CancellationToken cancellationToken)
        {
            var entries = await Chronology.Significant(db, [query.PersonId], query.Type).ToListAsync(cancellationToken);
            entries.AddRange(await Chronology.ReviewsAsync(db, [query.PersonId], query.Type, cancellationToken));
            entries.AddRange(await Chronology.CareAsync(db, [query.PersonId], query.Type, cancellationToken));
            return entries.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.OccurredAt).ToList();
        }
    }
}

internal static class Chronology
{
    /// <summary>Significant notes about any of the children, unordered (SQLite cannot order every column type the same way; callers sort).</summary>
    public static IQueryable<GetChronology.Entry> Significant(IAppDbContext db, IReadOnlyCollection<Guid> childIds, CaseNoteType? type)
    {
        var notes = db.CaseNotes.AsNoTracking().Where(n => n.Significant && childIds.Contains(n.ChildId));
        if (type is { } t)
        {
            notes = notes.Where(n => n.Type == t);
        }

        return notes
            .Join(db.People, n => n.ChildId, p => p.Id, (n, p) => new { n, Child = p.GivenNames + " " + p.FamilyName })
            .Join(db.Staff, x => x.n.RecordedById, s => s.Id, (x, s) => new GetChronology.Entry(
                x.n.Id, x.n.ChildId, x.Child, x.n.Type, x.n.OccurredOn, x.n.OccurredAt, x.n.Title, x.n.Text, x.n.WhoWasSeen, s.DisplayName,
                x.n.Addenda.OrderBy(a => a.RecordedAtUtc).Select(a => new GetChronology.AddendumRow(a.Text, a.RecordedAtUtc)).ToList()));
    }

    /// <summary>
    /// The children's time in care as chronology entries (type Other): each episode's start (became looked after, a
    /// change of legal status or placement) at its date as corrected, with its corrections beside it, and the end of each
    /// period that ended.
    /// </summary>
    public static async Task<List<GetChronology.Entry>> CareAsync(IAppDbContext db, IReadOnlyCollection<Guid> childIds, CaseNoteType? type, CancellationToken ct)
    {
        if (type is { } t && t != CaseNoteType.Other)
        {
            return [];
        }

        var periods = await db.PeriodsOfCare.AsNoTracking().Include(p => p.Episodes).Where(p => childIds.Contains(p.ChildId)).ToListAsync(ct);
        if (periods.Count == 0)
        {
            return [];
        }

        var names = await db.People.Where(p => childIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenNames + " " + p.FamilyName, ct);
        var staffIds = periods.SelectMany(p => p.Episodes.Select(e => e.RecordedById).Append(p.EndRecordedById)).OfType<Guid>().Distinct().ToList();
        var staff = await db.Staff.Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var corrections = await CorrectionHistory.ForAsync(db, [.. periods.SelectMany(p => p.Episodes.Select(e => e.Id).Append(p.Id))], ct);
        var entries = new List<GetChronology.Entry>();
        foreach (var period in periods)
        {
            var page = $"/People/{period.ChildId}/LookedAfter";
            var child = names.GetValueOrDefault(period.ChildId, string.Empty);
            foreach (var e in period.Episodes)
            {
                var text = $"Legal status: {Domain.Codes.Ssda903Codes.LegalStatus.DescriptionOf(e.LegalStatus)} ({e.LegalStatus}). "
                    + $"Placement: {Domain.Codes.Ssda903Codes.PlacementType.DescriptionOf(e.Placement.Type)} ({e.Placement.Type}), {e.Placement.Carer}.";
                entries.Add(new GetChronology.Entry(
                    e.Id, period.ChildId, child, CaseNoteType.Other, e.StartedOn, null, e.WhatHappened, text, null,
                    e.RecordedById is { } by ? staff.GetValueOrDefault(by, "a former member of staff") : string.Empty,
                    [.. corrections.GetValueOrDefault(e.Id, []).Select(Addendum)],
                    page));
            }

            if (period.EndedOn is { } ended)
            {
                entries.Add(new GetChronology.Entry(
                    period.Id, period.ChildId, child, CaseNoteType.Other, ended, null, "Stopped being looked after",
                    $"Reason: {Domain.Codes.Ssda903Codes.ReasonEpisodeCeased.DescriptionOf(period.ReasonCeased!)} ({period.ReasonCeased}).", null,
                    period.EndRecordedById is { } endedBy ? staff.GetValueOrDefault(endedBy, "a former member of staff") : string.Empty,
                    [.. corrections.GetValueOrDefault(period.Id, []).Select(Addendum)], page));
            }
        }

        return entries;
    }

    /// <summary>
    /// The statutory reviews of the children as chronology entries (meetings), at their dates as corrected, each correction
    /// shown beside the review as an addendum is beside a note.
    /// </summary>
    public static async Task<List<GetChronology.Entry>> ReviewsAsync(IAppDbContext db, IReadOnlyCollection<Guid> childIds, CaseNoteType? type, CancellationToken ct)
    {
        if (type is { } t && t != CaseNoteType.Meeting)
        {
            return [];
        }

        var names = await db.People.Where(p => childIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenNames + " " + p.FamilyName, ct);
        var rows = new List<(Guid Id, Guid ChildId, DateOnly On, string Title, string Text, Guid? By, string Page)>();
        rows.AddRange((await db.ChildInNeedPlans.Where(p => childIds.Contains(p.ChildId))
                .SelectMany(p => p.Reviews, (p, r) => new { r.Id, p.ChildId, r.HeldOn, r.Summary, r.RecordedById }).ToListAsync(ct))
            .Select(r => (r.Id, r.ChildId, r.HeldOn, "Child in need review", r.Summary, r.RecordedById, "ChildInNeed")));
        rows.AddRange((await db.ChildProtectionPlans.Where(p => childIds.Contains(p.ChildId))
                .SelectMany(p => p.Reviews, (p, r) => new { r.Id, p.ChildId, r.HeldOn, r.Decision, r.PlanContinues, r.ChairId }).ToListAsync(ct))
            .Select(r => (r.Id, r.ChildId, r.HeldOn, r.PlanContinues ? "Child protection review conference" : "Child protection review conference: the plan ended", r.Decision, (Guid?)r.ChairId, "ChildProtection")));
        rows.AddRange((await db.PeriodsOfCare.Where(p => childIds.Contains(p.ChildId))
                .SelectMany(p => p.Reviews, (p, r) => new { r.Id, p.ChildId, r.HeldOn, r.ParticipationCode, r.Attendees, r.ReviewingOfficerId }).ToListAsync(ct))
            .Select(r => (r.Id, r.ChildId, r.HeldOn, "Looked-after review", $"How the child took part: {Domain.Codes.Ssda903Codes.ReviewParticipation.DescriptionOf(r.ParticipationCode)} ({r.ParticipationCode})."
                + (r.Attendees is { } who ? $" Attended: {who}" : string.Empty), (Guid?)r.ReviewingOfficerId, "LookedAfter")));
        if (rows.Count == 0)
        {
            return [];
        }

        var staffIds = rows.Where(r => r.By is not null).Select(r => r.By!.Value).Distinct().ToList();
        var staff = await db.Staff.Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var corrections = await CorrectionHistory.ForAsync(db, [.. rows.Select(r => r.Id)], ct);
        return [.. rows.Select(r => new GetChronology.Entry(
            r.Id, r.ChildId, names.GetValueOrDefault(r.ChildId, string.Empty), CaseNoteType.Meeting, r.On, null, r.Title, r.Text, null,
            r.By is { } by ? staff.GetValueOrDefault(by, "a former member of staff") : string.Empty,
            [.. corrections.GetValueOrDefault(r.Id, []).Select(Addendum)],
            $"/People/{r.ChildId}/{r.Page}"))];
    }

    /// <summary>A correction as the chronology shows it beside what it corrected.</summary>
    private static GetChronology.AddendumRow Addendum(GetDateToCorrect.CorrectionRow c) => new(
        $"Date corrected from {c.From:d MMMM yyyy} to {c.To:d MMMM yyyy} by {c.By}{(c.AsManager ? " (manager)" : string.Empty)}: {c.Reason}", c.AtUtc);
}
