using System.Runtime.CompilerServices;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns.Feed;

/// <summary>
/// Reads the daily feed's children from the record as it stands, a batch of children at a time (a handful of statements
/// per batch), in local ID order: every child with an episode of need (a referral not withdrawn) and a local ID, each
/// with every such episode and what was done on it. A child's looked-after placements go with the episode of need they
/// began under (the latest referred by their start, else the first). A restricted record's child goes without a name: the
/// API does not need one, and the record's restriction (an adoption, a high-profile child) is kept beyond the council.
/// </summary>
public sealed class DailyFeedReader(IAppDbContext db)
{
    public const int BatchSize = 2_000;

    /// <summary>The children in the feed: not merged away, with a local ID, with an episode of need (one statement).</summary>
    public Task<List<Guid>> ChildrenAsync(CancellationToken ct) =>
        db.People.AsNoTracking()
            .Where(p => p.MergedIntoId == null && p.LocalId != null
                && db.Referrals.Any(r => r.ChildId == p.Id && r.Status != ReferralStatus.Withdrawn))
            .OrderBy(p => p.LocalId).ThenBy(p => p.Id)
            .Select(p => p.Id)
            .ToListAsync(ct);

    public async IAsyncEnumerable<(Guid ChildId, FeedChild Child)> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var child in ReturnFiles.InBatchesAsync(await ChildrenAsync(ct), BatchSize, BatchAsync, ct))
        {
            yield return child;
        }
    }

    public async Task<IReadOnlyList<(Guid ChildId, FeedChild Child)>> BatchAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        static string Id(Guid id) => id.ToString("D");

        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.LocalId, p.UniquePupilNumber, p.UpnUnknownReason, p.GivenNames, p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex,
                p.EthnicityCode, p.DisabilityCodes, p.Uasc, p.UascCeasedOn, Restricted = p.Restriction != null,
            })
            .ToDictionaryAsync(p => p.Id, ct);

        var referrals = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.ChildId) && r.Status != ReferralStatus.Withdrawn)
            .Select(r => new { r.Id, r.ChildId, r.ReferralDate, r.SourceCode, r.NoFurtherAction, r.ClosedOn, r.ClosureReasonCode })
            .ToListAsync(ct);

        var workers = (await db.Allocations.AsNoTracking().Where(a => ids.Contains(a.ChildId) && a.Role == AllocationRole.Lead)
            .Select(a => new { a.Id, a.ChildId, a.StartedOn, a.EndedOn, Registration = db.Staff.Where(s => s.Id == a.WorkerId).Select(s => s.RegistrationNumber).FirstOrDefault() })
            .ToListAsync(ct))
            .Where(a => a.Registration is not null)
            .ToLookup(a => a.ChildId);

        var assessments = (await db.ChildAndFamilyAssessments.AsNoTracking().Where(a => ids.Contains(a.ChildId))
            .Select(a => new { a.Id, a.ReferralId, a.StartedOn, a.AuthorisedOn, a.FactorCodes })
            .ToListAsync(ct))
            .ToLookup(a => a.ReferralId, a => new FeedAssessment(
                Id(a.Id), a.StartedOn, a.AuthorisedOn, a.AuthorisedOn is null || a.FactorCodes.Length == 0 ? null : a.FactorCodes.Split(',')));

        var cinPlans = (await db.ChildInNeedPlans.AsNoTracking().Where(p => ids.Contains(p.ChildId))
            .Select(p => new { p.Id, p.ReferralId, p.StartedOn, p.EndedOn })
            .ToListAsync(ct))
            .ToLookup(p => p.ReferralId, p => new FeedCinPlan(Id(p.Id), p.StartedOn, p.EndedOn));

        var enquiries = (await db.ChildProtectionEnquiries.AsNoTracking().Where(e => ids.Contains(e.ChildId) && e.Section47)
            .Select(e => new { e.Id, e.ReferralId, e.StrategyHeldOn, e.ConferenceNeeded, e.ConferenceHeldOn, e.Section47ConcludedOn })
            .ToListAsync(ct))
            .ToLookup(e => e.ReferralId, e => new FeedSection47(Id(e.Id), e.StrategyHeldOn, e.ConferenceNeeded, e.ConferenceHeldOn, e.Section47ConcludedOn));

        var cpPlans = (await db.ChildProtectionPlans.AsNoTracking().Where(p => ids.Contains(p.ChildId))
            .Select(p => new { p.Id, p.ReferralId, p.StartedOn, p.EndedOn })
            .ToListAsync(ct))
            .ToLookup(p => p.ReferralId, p => new FeedCpPlan(Id(p.Id), p.StartedOn, p.EndedOn));

        var periods = await db.PeriodsOfCare.AsNoTracking().Where(p => ids.Contains(p.ChildId)).Select(p => new { p.Id, p.ChildId }).ToDictionaryAsync(p => p.Id, p => p.ChildId, ct);
        var periodIds = periods.Keys.ToList();
        var placements = (await db.PeriodsOfCare.AsNoTracking().Where(p => periodIds.Contains(p.Id)).SelectMany(p => p.Episodes)
            .Select(e => new { e.Id, e.PeriodOfCareId, e.StartedOn, e.ReasonForNewEpisode, e.Placement.Type, e.Placement.Postcode, e.EndedOn, e.ReasonCeased, e.ReasonForPlacementChange })
            .ToListAsync(ct))
            .ToLookup(e => periods[e.PeriodOfCareId]);

        var byChild = referrals.ToLookup(r => r.ChildId);
        var result = new List<(Guid, FeedChild)>(ids.Count);
        foreach (var id in ids)
        {
            if (!people.TryGetValue(id, out var p) || p.LocalId is null)
            {
                continue;
            }

            var episodes = byChild[id].OrderBy(r => r.ReferralDate).ThenBy(r => r.Id).ToList();
            if (episodes.Count == 0)
            {
                continue;
            }

            // Each placement goes with the episode of need it began under: the latest referred by its start, else the first.
            var placed = placements[id].ToLookup(e => (episodes.LastOrDefault(r => r.ReferralDate <= e.StartedOn) ?? episodes[0]).Id);
            var unborn = p.DateOfBirth is null && p.ExpectedDateOfBirth is not null;
            result.Add((id, new FeedChild(
                p.LocalId,
                Id(p.Id),
                ChildDetails: new FeedChildDetails(
                    string.IsNullOrEmpty(p.UniquePupilNumber) ? null : p.UniquePupilNumber,
                    string.IsNullOrEmpty(p.UniquePupilNumber) ? p.UpnUnknownReason : null,
                    p.Restricted ? null : p.GivenNames, p.Restricted ? null : p.FamilyName, p.DateOfBirth, unborn ? p.ExpectedDateOfBirth : null, Person.ReturnSex(p.Sex, unborn), p.EthnicityCode,
                    p.DisabilityCodes.Count == 0 ? null : p.DisabilityCodes, p.Uasc, p.Uasc ? p.UascCeasedOn : null),
                SocialCareEpisodes: [.. episodes.Select(r =>
                {
                    var until = r.ClosedOn ?? DateOnly.MaxValue;
                    return new FeedEpisode(
                        Id(r.Id), r.ReferralDate, r.SourceCode, r.NoFurtherAction, r.ClosedOn, r.ClosedOn is null ? null : r.ClosureReasonCode,
                        Nonempty([.. workers[id].Where(w => w.StartedOn <= until && (w.EndedOn is null || w.EndedOn >= r.ReferralDate)).OrderBy(w => w.StartedOn).ThenBy(w => w.Id)
                            .Select(w => new FeedWorker(w.Registration!, w.StartedOn, w.EndedOn))]),
                        Nonempty([.. assessments[r.Id].OrderBy(a => a.StartDate).ThenBy(a => a.Id, StringComparer.Ordinal)]),
                        Nonempty([.. cinPlans[r.Id].OrderBy(c => c.StartDate).ThenBy(c => c.Id, StringComparer.Ordinal)]),
                        Nonempty([.. enquiries[r.Id].OrderBy(e => e.StartDate).ThenBy(e => e.Id, StringComparer.Ordinal)]),
                        Nonempty([.. cpPlans[r.Id].OrderBy(c => c.StartDate).ThenBy(c => c.Id, StringComparer.Ordinal)]),
                        Nonempty([.. placed[r.Id].OrderBy(e => e.StartedOn).ThenBy(e => e.Id).Select(e => new FeedPlacement(
                            Id(e.Id), e.StartedOn, e.ReasonForNewEpisode, e.Type, e.Postcode, e.EndedOn, e.EndedOn is null ? null : e.ReasonCeased, e.ReasonForPlacementChange))]));
                })])));
        }

        return result;
    }

    private static IReadOnlyList<T>? Nonempty<T>(IReadOnlyList<T> items) => items.Count == 0 ? null : items;
}
