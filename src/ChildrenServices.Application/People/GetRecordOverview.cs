using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.SocialCare;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// The page a duty worker reads in 30 seconds at 5pm: what is open for the child now (each with a link),
/// what is due next with its RAG status, and the last five significant events. The people around the
/// child come from the record itself. Audited like the record.
/// </summary>
public static class GetRecordOverview
{
    public const int SignificantEvents = 5;

    public const int DueItems = 5;

    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Overview>, IPersonScoped, IAudited;

    public sealed record Overview(
        OpenReferral? Referral,
        OpenAssessment? Assessment,
        DateOnly? EnquiryStrategyHeldOn,
        DateOnly? ChildInNeedPlanSince,
        OpenProtectionPlan? ProtectionPlan,
        DateOnly? LookedAfterSince,
        IReadOnlyList<EarlyHelpRow> EarlyHelp,
        IReadOnlyList<DueRow> DueNext,
        IReadOnlyList<EventRow> RecentSignificantEvents)
    {
        public bool NothingOpen => Referral is null && Assessment is null && EnquiryStrategyHeldOn is null && ChildInNeedPlanSince is null
            && ProtectionPlan is null && LookedAfterSince is null && EarlyHelp.Count == 0;
    }

    public sealed record OpenReferral(DateOnly ReferralDate, bool IsReReferral);

    public sealed record OpenAssessment(DateOnly StartedOn, DateOnly DueOn, AssessmentStatus Status);

    public sealed record OpenProtectionPlan(DateOnly StartedOn, string Category);

    public sealed record EarlyHelpRow(Guid EpisodeId, DateOnly StartedOn, string Keyworker);

    public sealed record EventRow(Guid NoteId, DateOnly OccurredOn, CaseNoteType Type, string Title);

    public sealed class Handler(IAppDbContext db, StatutoryDueWork due) : IQueryHandler<Query, Overview>
    {
        public async ValueTask<Overview> Handle(Query query, CancellationToken cancellationToken)
        {
            var id = query.PersonId;
            var referrals = db.Referrals.Where(r => r.ChildId == id && r.Status == ReferralStatus.Open).OrderByDescending(r => r.ReferralDate);
            var assessments = db.ChildAndFamilyAssessments.Where(a => a.ChildId == id && a.Status != AssessmentStatus.Authorised).OrderByDescending(a => a.StartedOn);
            var open = await db.People.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new
                {
                    // Scalars only: an object-valued subquery needs APPLY, which SQLite does not have.
                    ReferralDate = referrals.Select(r => (DateOnly?)r.ReferralDate).FirstOrDefault(),
                    ReReferral = referrals.Select(r => r.IsReReferral).FirstOrDefault(),
                    AssessmentStarted = assessments.Select(a => (DateOnly?)a.StartedOn).FirstOrDefault(),
                    AssessmentDue = assessments.Select(a => (DateOnly?)a.DueOn).FirstOrDefault(),
                    AssessmentStatus = assessments.Select(a => (AssessmentStatus?)a.Status).FirstOrDefault(),
                    Enquiry = db.ChildProtectionEnquiries.Where(e => e.ChildId == id && e.ConferenceHeldOn == null && e.ConferenceNeeded != false)
                        .OrderByDescending(e => e.StrategyHeldOn).Select(e => (DateOnly?)e.StrategyHeldOn).FirstOrDefault(),
                    ChildInNeed = db.ChildInNeedPlans.Where(c => c.ChildId == id && c.EndedOn == null).Select(c => (DateOnly?)c.StartedOn).FirstOrDefault(),
                    ProtectionSince = db.ChildProtectionPlans.Where(c => c.ChildId == id && c.EndedOn == null).Select(c => (DateOnly?)c.StartedOn).FirstOrDefault(),
                    ProtectionCategory = db.ChildProtectionPlans.Where(c => c.ChildId == id && c.EndedOn == null).Select(c => c.LatestCategory).FirstOrDefault(),
                    LookedAfter = db.PeriodsOfCare.Where(c => c.ChildId == id && c.EndedOn == null).Select(c => (DateOnly?)c.StartedOn).FirstOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Page not found");

            var earlyHelp = await db.EarlyHelpEpisodes.Where(e => e.EndedOn == null && e.Children.Any(c => c.ChildId == id))
                .OrderBy(e => e.StartedOn)
                .Select(e => new EarlyHelpRow(e.Id, e.StartedOn, db.Staff.Where(s => s.Id == e.KeyworkerId).Select(s => s.DisplayName).FirstOrDefault() ?? "Not known"))
                .ToListAsync(cancellationToken);

            var events = await db.CaseNotes.Where(n => n.ChildId == id && n.Significant)
                .OrderByDescending(n => n.OccurredOn).ThenByDescending(n => n.RecordedAtUtc)
                .Take(SignificantEvents)
                .Select(n => new EventRow(n.Id, n.OccurredOn, n.Type, n.Title))
                .ToListAsync(cancellationToken);

            var dueNext = (await due.ForLeadsAsync(a => a.ChildId == id, cancellationToken)).Take(DueItems).ToList();

            return new Overview(
                open.ReferralDate is { } referred ? new OpenReferral(referred, open.ReReferral) : null,
                open.AssessmentStarted is { } started ? new OpenAssessment(started, open.AssessmentDue!.Value, open.AssessmentStatus!.Value) : null,
                open.Enquiry,
                open.ChildInNeed,
                open.ProtectionSince is { } since ? new OpenProtectionPlan(since, open.ProtectionCategory!) : null,
                open.LookedAfter,
                earlyHelp,
                dueNext,
                events);
        }
    }
}
