using System.Runtime.CompilerServices;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Ssda903;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// Reads the SSDA903 return for a collection year from the record, child by child in local ID order, a batch of children
/// at a time (a handful of statements per batch), so a return of any size is checked and written as it streams. What is in
/// it (docs/returns.md):
/// <list type="bullet">
/// <item>every child looked after at some point in the year: a period of care started by 31 March and not ended before
/// 1 April;</item>
/// <item>each child's episodes of care, every one up to 31 March (the rules look back; the files hold the year's), the
/// reviews held in the year, the missing periods open in it, the previous permanence answer of a period that started in it,
/// the lead social workers in it and, from 2026/27, the deprivation of liberty orders open in it;</item>
/// <item>as at 31 March: anything dated after it (an episode's end, a return from missing, a worker's change) is returned as
/// not yet happened.</item>
/// </list>
/// </summary>
public sealed class Ssda903Reader(IAppDbContext db)
{
    public const int BatchSize = 2_000;

    /// <summary>The first collection year with the DoLo file (2026/27).</summary>
    public const int FirstYearOfLibertyOrders = 2026;

    /// <summary>The periods of care open at some point in the year.</summary>
    public IQueryable<PeriodOfCare> PeriodsIn(CollectionYear year)
    {
        var (start, end) = (year.Start, year.End);
        return db.PeriodsOfCare.Where(p => p.StartedOn <= end && (p.EndedOn == null || p.EndedOn >= start));
    }

    /// <summary>The children in the return, in local ID order (one statement).</summary>
    public Task<List<Guid>> ChildrenAsync(CollectionYear year, CancellationToken ct)
    {
        var periods = PeriodsIn(year);
        return db.People.AsNoTracking()
            .Where(p => p.MergedIntoId == null && periods.Any(c => c.ChildId == p.Id))
            .OrderBy(p => p.LocalId).ThenBy(p => p.Id)
            .Select(p => p.Id)
            .ToListAsync(ct);
    }

    public async IAsyncEnumerable<LacChild> ReadAsync(CollectionYear year, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var child in ReturnFiles.InBatchesAsync(await ChildrenAsync(year, ct), BatchSize, (ids, c) => BatchAsync(year, ids, c), ct))
        {
            yield return child;
        }
    }

    /// <summary>The return's children for the given ids, in the order given.</summary>
    public async Task<IReadOnlyList<LacChild>> BatchAsync(CollectionYear year, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var (start, end) = (year.Start, year.End);
        DateOnly? AsAt(DateOnly? date) => date > end ? null : date;

        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.LocalId, p.UniquePupilNumber, p.UpnUnknownReason, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.EthnicityCode,
                p.IsMother, p.FirstChildBornOn, p.Uasc, p.UascFrom, p.UascCeasedOn, Restricted = p.Restriction != null,
            })
            .ToDictionaryAsync(p => p.Id, ct);

        // Every period the child has had up to 31 March: the rules look back over earlier episodes.
        var periods = await db.PeriodsOfCare.AsNoTracking().Where(p => ids.Contains(p.ChildId) && p.StartedOn <= end)
            .Select(p => new
            {
                p.Id, p.ChildId, p.StartedOn, p.EndedOn, p.HomePostcode,
                p.PreviousPermanenceOption, p.PreviousPermanenceLocalAuthority, p.PermanenceOrderYear, p.PermanenceOrderMonth, p.PermanenceOrderDay,
            })
            .ToListAsync(ct);
        var periodIds = periods.Select(p => p.Id).ToList();
        var home = periods.ToDictionary(p => p.Id, p => p.HomePostcode);
        var childOf = periods.ToDictionary(p => p.Id, p => p.ChildId);
        var inBatch = db.PeriodsOfCare.AsNoTracking().Where(p => periodIds.Contains(p.Id));

        // Each part through its period (SelectMany then Where: a join, which SQLite can run, where a filtered navigation is an APPLY).
        var episodes = (await inBatch.SelectMany(p => p.Episodes).Where(e => e.StartedOn <= end)
            .Select(e => new
            {
                e.Id, e.PeriodOfCareId, e.StartedOn, e.ReasonForNewEpisode, e.LegalStatus, e.CategoryOfNeed,
                e.Placement.Type, e.Placement.Provider, e.Placement.Postcode, e.Placement.Urn, e.EndedOn, e.ReasonCeased, e.ReasonForPlacementChange,
            })
            .ToListAsync(ct))
            .ToLookup(e => childOf[e.PeriodOfCareId], e =>
            {
                var ended = AsAt(e.EndedOn);
                return new LacEpisode(
                    e.Id, e.PeriodOfCareId, e.StartedOn, e.ReasonForNewEpisode, e.LegalStatus, e.CategoryOfNeed, e.Type, e.Provider,
                    ended, ended is null ? null : e.ReasonCeased, ended is null ? null : e.ReasonForPlacementChange,
                    home[e.PeriodOfCareId], e.Postcode, e.Urn);
            });

        var reviews = (await inBatch.SelectMany(p => p.Reviews).Where(r => r.HeldOn >= start && r.HeldOn <= end)
            .Select(r => new { r.Id, r.PeriodOfCareId, r.HeldOn, r.ParticipationCode })
            .ToListAsync(ct))
            .ToLookup(r => childOf[r.PeriodOfCareId], r => new LacReview(r.Id, r.PeriodOfCareId, r.HeldOn, r.ParticipationCode));

        var missing = (await inBatch.SelectMany(p => p.MissingEpisodes).Where(m => m.StartedOn <= end && (m.EndedOn == null || m.EndedOn >= start))
            .Select(m => new { m.Id, m.PeriodOfCareId, m.Type, m.StartedOn, m.EndedOn })
            .ToListAsync(ct))
            .ToLookup(m => childOf[m.PeriodOfCareId], m => new LacMissing(m.Id, m.PeriodOfCareId, m.Type, m.StartedOn, AsAt(m.EndedOn)));

        var orders = year.StartYear >= FirstYearOfLibertyOrders
            ? (await inBatch.SelectMany(p => p.DeprivationOfLibertyOrders).Where(o => o.StartedOn <= end && (o.EndedOn == null || o.EndedOn >= start))
                .Select(o => new { o.Id, o.PeriodOfCareId, o.StartedOn, o.EndedOn })
                .ToListAsync(ct))
                .ToLookup(o => childOf[o.PeriodOfCareId], o => new LacLibertyOrder(o.Id, o.PeriodOfCareId, o.StartedOn, AsAt(o.EndedOn)))
            : null;

        // The lead workers in the year: a registered social worker's leads all year (rule SW12STG2 asks for the whole year of a
        // child looked after on 31 March), and any lead while the child was looked after, registered or not (its SW_ID is then
        // missing, to be put right on the worker's details).
        var careSpans = periods.ToLookup(p => p.ChildId, p => (p.StartedOn, End: AsAt(p.EndedOn)));
        var leads = (await db.Allocations.AsNoTracking()
            .Where(a => ids.Contains(a.ChildId) && a.Role == AllocationRole.Lead && a.StartedOn <= end && (a.EndedOn == null || a.EndedOn >= start))
            .Select(a => new
            {
                a.Id, a.ChildId, a.StartedOn, a.EndedOn, a.LeadReason,
                Registration = db.Staff.Where(s => s.Id == a.WorkerId).Select(s => s.RegistrationNumber).FirstOrDefault(),
            })
            .ToListAsync(ct))
            .Where(a => a.Registration is not null
                || careSpans[a.ChildId].Any(c => c.StartedOn <= (AsAt(a.EndedOn) ?? end) && (c.End is null || c.End >= a.StartedOn)))
            .ToLookup(a => a.ChildId, a => new LacSocialWorkerEpisode(a.Id, a.Registration, a.StartedOn, AsAt(a.EndedOn), a.LeadReason));

        // PrevPerm: the answer given when the latest period that started in the year began.
        var permanence = periods.Where(p => year.Contains(p.StartedOn))
            .GroupBy(p => p.ChildId)
            .ToDictionary(g => g.Key, g =>
            {
                var p = g.MaxBy(x => x.StartedOn)!;
                return new LacPreviousPermanence(
                    p.Id, p.StartedOn, p.PreviousPermanenceOption, p.PreviousPermanenceLocalAuthority,
                    p.PreviousPermanenceOption is { } option ? PreviousPermanence.DateForReturn(option, p.PermanenceOrderYear, p.PermanenceOrderMonth, p.PermanenceOrderDay) : null);
            });

        var result = new List<LacChild>(ids.Count);
        foreach (var id in ids)
        {
            if (!people.TryGetValue(id, out var p))
            {
                continue;
            }

            result.Add(new LacChild(
                p.Id, p.LocalId, Person.ReturnSex(p.Sex, unborn: false), AsAt(p.DateOfBirth), p.EthnicityCode,
                p.UniquePupilNumber ?? p.UpnUnknownReason,
                // As at 31 March: a first child born since makes her a mother only in later years; UASC status begun since
                // is not this year's.
                p.FirstChildBornOn > end ? false : p.IsMother, AsAt(p.FirstChildBornOn),
                p.Uasc && (p.UascFrom is null || p.UascFrom <= end), p.Uasc && (p.UascFrom is null || p.UascFrom <= end) ? AsAt(p.UascCeasedOn) : null,
                [.. episodes[id].OrderBy(e => e.Start)],
                [.. reviews[id].OrderBy(r => r.Date)],
                [.. missing[id].OrderBy(m => m.Start)],
                permanence.GetValueOrDefault(id),
                [.. leads[id].OrderBy(s => s.Start)],
                orders is null ? [] : [.. orders[id].OrderBy(o => o.Start)],
                p.Restricted));
        }

        return result;
    }
}
