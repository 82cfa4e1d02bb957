using System.Runtime.CompilerServices;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;
using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// Reads the CIN census for a collection year from the record, child by child in local ID order, a batch of children
/// at a time (a handful of statements per batch, whatever the council's size), so a census of any size is checked and
/// written as it streams. What is in it (docs/returns.md):
/// <list type="bullet">
/// <item>every episode of need (referral, not withdrawn) open at any point in the year, with its child;</item>
/// <item>on each, the assessments authorised in the year or still open, the child in need plans, section 47 enquiries
/// and child protection plans open at any point in the year, and the plans' review conferences held in it;</item>
/// <item>as at the reference date: anything dated after 31 March (a closure, an authorisation, a conference, a plan's
/// end, a death, a birth, a revised primary need, a review's new category of abuse, an ending with no further action)
/// is returned as not yet happened.</item>
/// </list>
/// </summary>
public sealed class CinCensusReader(IAppDbContext db)
{
    public const int BatchSize = 2_000;

    /// <summary>The episodes of need in the year: not withdrawn, referred by its end, not closed before its start.</summary>
    public IQueryable<Referral> EpisodesIn(CollectionYear year)
    {
        var (start, end) = (year.Start, year.End);
        return db.Referrals.Where(r => r.Status != ReferralStatus.Withdrawn && r.ReferralDate <= end && (r.ClosedOn == null || r.ClosedOn >= start));
    }

    /// <summary>The children in the census, in local ID order (one statement).</summary>
    public Task<List<Guid>> ChildrenAsync(CollectionYear year, CancellationToken ct)
    {
        var episodes = EpisodesIn(year);
        return db.People.AsNoTracking()
            .Where(p => p.MergedIntoId == null && episodes.Any(r => r.ChildId == p.Id))
            .OrderBy(p => p.LocalId).ThenBy(p => p.Id)
            .Select(p => p.Id)
            .ToListAsync(ct);
    }

    public async IAsyncEnumerable<CensusChild> ReadAsync(CollectionYear year, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var child in ReturnFiles.InBatchesAsync(await ChildrenAsync(year, ct), BatchSize, (ids, c) => BatchAsync(year, ids, c), ct))
        {
            yield return child;
        }
    }

    /// <summary>The census children for the given ids, in the order given.</summary>
    public async Task<IReadOnlyList<CensusChild>> BatchAsync(CollectionYear year, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var (start, end) = (year.Start, year.End);
        DateOnly? AsAt(DateOnly? date) => date > end ? null : date;

        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.LocalId, p.UniquePupilNumber, p.UpnUnknownReason, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.DateOfDeath,
                p.EthnicityCode, p.DisabilityCodes, Restricted = p.Restriction != null,
            })
            .ToDictionaryAsync(p => p.Id, ct);

        var referrals = await EpisodesIn(year).AsNoTracking().Where(r => ids.Contains(r.ChildId))
            .Select(r => new { r.Id, r.ChildId, r.ReferralDate, r.SourceCode, r.PrimaryNeedCode, r.ClosedOn, r.ClosureReasonCode, r.NoFurtherAction })
            .ToListAsync(ct);

        // The primary need as at 31 March: a revision made since (an assessment authorised after it) is undone.
        var needRevisions = (await EpisodesIn(year).AsNoTracking().Where(r => ids.Contains(r.ChildId))
            .SelectMany(r => r.PrimaryNeedRevisions.Where(v => v.RevisedOn > end).Select(v => new { v.ReferralId, v.RevisedOn, v.FromCode }))
            .ToListAsync(ct))
            .ToLookup(v => v.ReferralId, v => (v.RevisedOn, v.FromCode));

        var assessments = (await db.ChildAndFamilyAssessments.AsNoTracking()
            .Where(a => ids.Contains(a.ChildId) && a.StartedOn <= end && (a.AuthorisedOn == null || a.AuthorisedOn >= start))
            .Select(a => new { a.Id, a.ReferralId, a.StartedOn, a.AuthorisedOn, a.FactorCodes })
            .ToListAsync(ct))
            .ToLookup(a => a.ReferralId, a =>
            {
                var authorised = AsAt(a.AuthorisedOn);
                return new CensusAssessment(a.Id, a.StartedOn, authorised, authorised is null || a.FactorCodes.Length == 0 ? [] : a.FactorCodes.Split(','));
            });

        var cinPlans = (await db.ChildInNeedPlans.AsNoTracking()
            .Where(p => ids.Contains(p.ChildId) && p.StartedOn <= end && (p.EndedOn == null || p.EndedOn >= start))
            .Select(p => new { p.Id, p.ReferralId, p.StartedOn, p.EndedOn })
            .ToListAsync(ct))
            .ToLookup(p => p.ReferralId, p => new CensusCinPlan(p.Id, p.StartedOn, AsAt(p.EndedOn)));

        // A section 47 enquiry is in the year unless it ended before it: its conference held, or found not needed, before 1 April.
        var enquiries = (await db.ChildProtectionEnquiries.AsNoTracking()
            .Where(e => ids.Contains(e.ChildId) && e.Section47 && e.StrategyHeldOn <= end
                && (e.ConferenceHeldOn == null || e.ConferenceHeldOn >= start)
                && (e.ConferenceNeeded != false || e.Section47ConcludedOn == null || e.Section47ConcludedOn >= start))
            .Select(e => new { e.Id, e.ReferralId, e.StrategyHeldOn, e.ConferenceTargetOn, e.ConferenceHeldOn, e.ConferenceNeeded, e.Section47ConcludedOn })
            .ToListAsync(ct))
            .ToLookup(e => e.ReferralId, e => new CensusSection47(
                e.Id, e.StrategyHeldOn, e.ConferenceTargetOn, AsAt(e.ConferenceHeldOn),
                e.ConferenceNeeded == false && e.Section47ConcludedOn <= end && AsAt(e.ConferenceHeldOn) is null));

        // Every plan the child has had, for the number before each; those open in the year are returned.
        var plans = await db.ChildProtectionPlans.AsNoTracking().Where(p => ids.Contains(p.ChildId))
            .Select(p => new { p.Id, p.ReferralId, p.ChildId, p.EnquiryId, p.StartedOn, p.EndedOn, p.InitialCategory, p.LatestCategory, p.PreviousPlansElsewhere })
            .ToListAsync(ct);
        // Every review held by 31 March: those in the year are returned, and the last one's category is the latest as at it.
        var reviews = (await db.ChildProtectionPlans.AsNoTracking().Where(p => ids.Contains(p.ChildId))
            .SelectMany(p => p.Reviews.Where(r => r.HeldOn <= end).Select(r => new { r.PlanId, r.HeldOn, r.PlanContinues, r.Category }))
            .ToListAsync(ct))
            .ToLookup(r => r.PlanId);
        var plansByChild = plans.ToLookup(p => p.ChildId);
        var cpPlans = plans
            .Where(p => p.StartedOn <= end && (p.EndedOn == null || p.EndedOn >= start))
            .ToLookup(p => p.ReferralId, p => new CensusCpPlan(
                p.Id, p.StartedOn, AsAt(p.EndedOn), p.InitialCategory,
                ChildProtectionPlan.CategoryOn(end, p.InitialCategory, p.LatestCategory, reviews[p.Id].Select(r => (r.HeldOn, r.PlanContinues, r.Category))),
                ChildProtectionPlan.CountPreviousPlans(p.StartedOn, p.PreviousPlansElsewhere, plansByChild[p.ChildId].Where(o => o.Id != p.Id).Select(o => (o.StartedOn, o.PreviousPlansElsewhere))),
                [.. reviews[p.Id].Where(r => r.HeldOn >= start).Select(r => r.HeldOn).Order()]));
        var transfersIn = plans.Where(p => p.EnquiryId == null && year.Contains(p.StartedOn)).ToLookup(p => p.ReferralId, p => p.StartedOn);

        var preProceedings = year.StartYear >= 2026
            ? (await db.PreProceedings.AsNoTracking()
                .Where(p => ids.Contains(p.ChildId) && p.StartedOn <= end && (p.DecidedOn == null || p.DecidedOn >= start))
                .Select(p => new
                {
                    p.ReferralId, p.StartedOn, p.LetterSentOn, p.FgdmOffered, p.FgdmHeldOn, p.FgdmNotHeldReason, p.DecidedOn, p.Outcome, p.CourtApplicationOn, p.CourtLetterSentOn,
                    Meetings = p.Meetings.Where(m => m.HeldOn <= end).Select(m => m.HeldOn).ToList(),
                })
                .ToListAsync(ct))
                .ToLookup(p => p.ReferralId, p => new CensusPreProceedings(
                    p.StartedOn, AsAt(p.LetterSentOn), p.FgdmOffered,
                    p.FgdmOffered != true ? null : AsAt(p.FgdmHeldOn) is not null ? true : p.FgdmNotHeldReason is not null ? false : null,
                    p.Meetings.Count == 0 ? null : p.Meetings.Min(), Math.Max(0, p.Meetings.Count - 1),
                    AsAt(p.DecidedOn), AsAt(p.DecidedOn) is null ? null : p.Outcome?.ToString(), AsAt(p.CourtApplicationOn), AsAt(p.CourtLetterSentOn)))
            : null;

        var episodes = referrals.ToLookup(r => r.ChildId, r =>
        {
            var closed = AsAt(r.ClosedOn);
            return new CensusEpisode(
                r.Id, r.ReferralDate, r.SourceCode, Referral.PrimaryNeedOn(end, r.PrimaryNeedCode, needRevisions[r.Id]), closed, closed is null ? null : r.ClosureReasonCode,
                transfersIn[r.Id].Order().Select(d => (DateOnly?)d).FirstOrDefault(),
                r.NoFurtherAction && closed is not null,
                [.. assessments[r.Id].OrderBy(a => a.StartDate)],
                [.. cinPlans[r.Id].OrderBy(p => p.StartDate)],
                [.. enquiries[r.Id].OrderBy(s => s.StartDate)],
                [.. cpPlans[r.Id].OrderBy(p => p.StartDate)],
                preProceedings?[r.Id].FirstOrDefault());
        });

        var result = new List<CensusChild>(ids.Count);
        foreach (var id in ids)
        {
            if (!people.TryGetValue(id, out var p))
            {
                continue;
            }

            // Born after the reference date: returned as the unborn child it then was.
            var born = AsAt(p.DateOfBirth);
            var expected = born is null ? p.ExpectedDateOfBirth ?? p.DateOfBirth : null;
            var unborn = born is null && expected is not null;
            result.Add(new CensusChild(
                p.Id, p.LocalId, p.UniquePupilNumber, p.UpnUnknownReason, born, expected, Person.ReturnSex(p.Sex, unborn), AsAt(p.DateOfDeath),
                p.EthnicityCode, p.DisabilityCodes, [.. episodes[id].OrderBy(e => e.ReferralDate)], p.Restricted));
        }

        return result;
    }
}
