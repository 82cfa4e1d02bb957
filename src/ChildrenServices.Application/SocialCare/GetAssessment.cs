using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The child's referral and its child and family assessment, as the worker and manager see it.</summary>
public static class GetAssessment
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record Seen(DateOnly On, bool Alone);

    public sealed record Current(
        Guid Id, Guid Version, DateOnly StartedOn, DateOnly DueOn, string Worker, string? Analysis, IReadOnlyList<string> Factors, AssessmentOutcome? Outcome,
        string? LateReason, AssessmentStatus Status, DateOnly? SubmittedOn, DateOnly? AuthorisedOn, string? AuthorisedBy, string? ReturnedReason, IReadOnlyList<Seen> SeenDates,
        string? UpdatedBy, DateTime UpdatedAtUtc);

    /// <summary>The referral the assessment belongs to (the latest), and its assessments, newest first.</summary>
    public sealed record Result(Guid? ReferralId, DateOnly? ReferralDate, DateOnly? AssessmentDueOn, ReferralStatus? ReferralStatus, string? ClosureReasonCode, IReadOnlyList<Current> Assessments)
    {
        public Current? Open => Assessments.FirstOrDefault(a => a.Status != AssessmentStatus.Authorised);

        /// <summary>The referral itself: its primary need and the history of it, how it ended, and whether the user may end it with no further action.</summary>
        public ReferralFacts? Referral { get; init; }
    }

    public sealed record NeedRevision(string FromCode, string ToCode, DateOnly On, string By);

    /// <param name="ManagedByMe">The user manages the team holding the case: they may end the referral with no further action.</param>
    /// <param name="AnythingRecorded">An assessment, strategy discussion, enquiry or plan is recorded on it: it led to further action.</param>
    public sealed record ReferralFacts(
        Guid Id, Guid Version, string SourceCode, string FirstPrimaryNeedCode, string PrimaryNeedCode, IReadOnlyList<NeedRevision> Revisions,
        bool NoFurtherAction, string? NoFurtherActionRationale, string? NoFurtherActionBy, DateOnly? ClosedOn, bool ManagedByMe, bool AnythingRecorded);

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.AsNoTracking().Include(r => r.PrimaryNeedRevisions)
                .Where(r => r.ChildId == query.PersonId && r.Status != ReferralStatus.Withdrawn)
                .OrderByDescending(r => r.Status == ReferralStatus.Open).ThenByDescending(r => r.ReferralDate)
                .FirstOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return new Result(null, null, null, null, null, []);
            }

            var assessments = await db.ChildAndFamilyAssessments.AsNoTracking().Include(a => a.Seen)
                .Where(a => a.ReferralId == referral.Id).OrderByDescending(a => a.StartedOn).ToListAsync(cancellationToken);
            var me = user.UserId ?? Guid.Empty;
            var holding = RecordAccess.HoldingTeamIds(db, query.PersonId);
            var facts = await db.Referrals.Where(r => r.Id == referral.Id).Select(r => new
            {
                ManagedByMe = db.Teams.Any(t => holding.Contains(t.Id) && t.ManagerId == me),
                Recorded = db.ChildProtectionEnquiries.Any(e => e.ReferralId == r.Id) || db.ChildInNeedPlans.Any(p => p.ReferralId == r.Id)
                    || db.ChildProtectionPlans.Any(p => p.ReferralId == r.Id),
            }).SingleAsync(cancellationToken);
            var staffIds = assessments.SelectMany(a => new[] { a.WorkerId, a.AuthorisedById ?? Guid.Empty })
                .Concat(referral.PrimaryNeedRevisions.Select(x => x.RevisedById)).Append(referral.NoFurtherActionById ?? Guid.Empty).Distinct().ToList();
            var names = await db.Staff.Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
            var about = new ReferralFacts(
                referral.Id, referral.Version, referral.SourceCode, referral.FirstPrimaryNeedCode, referral.PrimaryNeedCode,
                [.. referral.PrimaryNeedRevisions.OrderBy(x => x.RevisedOn).ThenBy(x => x.Id).Select(x => new NeedRevision(x.FromCode, x.ToCode, x.RevisedOn, names.GetValueOrDefault(x.RevisedById, "Unknown")))],
                referral.NoFurtherAction, referral.NoFurtherActionRationale, referral.NoFurtherActionById is { } by ? names.GetValueOrDefault(by, "Unknown") : null,
                referral.ClosedOn, facts.ManagedByMe, facts.Recorded || assessments.Count > 0);
            return new Result(referral.Id, referral.ReferralDate, referral.AssessmentDueOn, referral.Status, referral.ClosureReasonCode, [.. assessments.Select(a => new Current(
                a.Id, a.Version, a.StartedOn, a.DueOn, names.GetValueOrDefault(a.WorkerId, "Unknown"), a.Analysis, a.Factors, a.Outcome, a.LateReason, a.Status, a.SubmittedOn,
                a.AuthorisedOn, a.AuthorisedById is { } m ? names.GetValueOrDefault(m) : null, a.ReturnedReason,
                [.. a.Seen.OrderBy(s => s.SeenOn).Select(s => new Seen(s.SeenOn, s.Alone))], a.UpdatedByName, a.UpdatedAtUtc))])
            {
                Referral = about,
            };
        }
    }
}
