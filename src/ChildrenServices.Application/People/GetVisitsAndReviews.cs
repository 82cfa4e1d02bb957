using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// Every statutory visit and meeting for a child, newest first: child in need, child protection and looked
/// after visits (seen, seen alone), plan reviews, core groups and initial conferences, each pointing at
/// the page that holds it; each review and visit with the corrections of its date and whether the user may correct it. Audited like the record.
/// </summary>
public static class GetVisitsAndReviews
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<IReadOnlyList<Item>>, IPersonScoped, IAudited;

    public enum Kind
    {
        ChildInNeedVisit = 1,
        ChildInNeedReview = 2,
        ChildProtectionVisit = 3,
        ChildProtectionReview = 4,
        CoreGroup = 5,
        InitialConference = 6,
        LookedAfterVisit = 7,
        LookedAfterReview = 8,
    }

    /// <summary>
    /// One visit or meeting; <paramref name="ChildSeen"/> and <paramref name="SeenAlone"/> are for visits only. A review carries
    /// its id, whether the user may correct its date (<paramref name="MayCorrect"/>) and the corrections made to it.
    /// </summary>
    public sealed record Item(Kind Kind, DateOnly On, bool? ChildSeen, bool? SeenAlone, Guid? RecordId = null, bool MayCorrect = false, IReadOnlyList<Recording.GetDateToCorrect.CorrectionRow>? Corrections = null)
    {
        public Domain.Recording.CorrectedRecord? CorrectedAs => Kind switch
        {
            Kind.ChildInNeedReview => Domain.Recording.CorrectedRecord.ChildInNeedReview,
            Kind.ChildProtectionReview => Domain.Recording.CorrectedRecord.ChildProtectionReview,
            Kind.LookedAfterReview => Domain.Recording.CorrectedRecord.LookedAfterReview,
            Kind.ChildInNeedVisit => Domain.Recording.CorrectedRecord.ChildInNeedVisit,
            Kind.ChildProtectionVisit => Domain.Recording.CorrectedRecord.ChildProtectionVisit,
            Kind.LookedAfterVisit => Domain.Recording.CorrectedRecord.LookedAfterVisit,
            Kind.InitialConference => Domain.Recording.CorrectedRecord.InitialConference,
            _ => null,
        };
    }

    private sealed record Row(Kind Kind, Guid Id, DateOnly On, Guid? RecordedById, DateOnly? RecordedOn, bool? ChildSeen = null, bool? SeenAlone = null);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var id = query.PersonId;
            var items = new List<Item>();
            var cin = db.ChildInNeedPlans.Where(p => p.ChildId == id);
            var cp = db.ChildProtectionPlans.Where(p => p.ChildId == id);
            var cla = db.PeriodsOfCare.Where(p => p.ChildId == id);

            var recorded = await cin.SelectMany(p => p.Reviews).Select(r => new Row(Kind.ChildInNeedReview, r.Id, r.HeldOn, r.RecordedById, r.RecordedOn, null, null)).ToListAsync(cancellationToken);
            recorded.AddRange(await cin.SelectMany(p => p.Visits).Select(v => new Row(Kind.ChildInNeedVisit, v.Id, v.VisitedOn, v.RecordedById, v.RecordedOn, v.ChildSeen, v.SeenAlone)).ToListAsync(cancellationToken));
            recorded.AddRange(await cp.SelectMany(p => p.Visits).Select(v => new Row(Kind.ChildProtectionVisit, v.Id, v.VisitedOn, v.RecordedById, v.RecordedOn, v.ChildSeen, v.SeenAlone)).ToListAsync(cancellationToken));
            recorded.AddRange(await cla.SelectMany(p => p.Visits).Select(v => new Row(Kind.LookedAfterVisit, v.Id, v.VisitedOn, v.RecordedById, v.RecordedOn, v.ChildSeen, v.SeenAlone)).ToListAsync(cancellationToken));
            recorded.AddRange(await cp.SelectMany(p => p.Reviews).Select(r => new Row(Kind.ChildProtectionReview, r.Id, r.HeldOn, r.RecordedById, r.RecordedOn, null, null)).ToListAsync(cancellationToken));
            items.AddRange(await cp.SelectMany(p => p.CoreGroups).Select(g => new Item(Kind.CoreGroup, g.HeldOn, null, null)).ToListAsync(cancellationToken));
            recorded.AddRange((await db.ChildProtectionEnquiries.Where(e => e.ChildId == id && e.ConferenceHeldOn != null)
                    .Select(e => new { e.Id, e.ConferenceHeldOn, e.ChairId, e.UpdatedById, e.UpdatedAtUtc }).ToListAsync(cancellationToken))
                .Select(e => new Row(Kind.InitialConference, e.Id, e.ConferenceHeldOn!.Value, e.ChairId,
                    e.UpdatedById == e.ChairId ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.UpdatedAtUtc, UkTime.Zone)) : null, null, null)));
            recorded.AddRange(await cla.SelectMany(p => p.Reviews).Select(r => new Row(Kind.LookedAfterReview, r.Id, r.HeldOn, r.RecordedById, r.RecordedOn, null, null)).ToListAsync(cancellationToken));
            if (recorded.Count > 0)
            {
                var manages = await access.ManagesHoldingTeamAsync(id, cancellationToken);
                var me = user.UserId ?? Guid.Empty;
                var today = UkTime.Today(clock);
                var corrections = await Recording.CorrectionHistory.ForAsync(db, [.. recorded.Select(r => r.Id)], cancellationToken);
                items.AddRange(recorded.Select(r => new Item(r.Kind, r.On, r.ChildSeen, r.SeenAlone, r.Id,
                    manages || Domain.Recording.Correction.RecorderMayCorrect(r.RecordedById, r.RecordedOn, me, today), corrections.GetValueOrDefault(r.Id, []))));
            }

            return [.. items.OrderByDescending(i => i.On).ThenBy(i => i.Kind)];
        }
    }
}
