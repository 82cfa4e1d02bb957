using ChildrenServices.Application.Security;
using ChildrenServices.Domain.SocialCare;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The child's pre-proceedings, newest first, with the census items worked out from what is recorded.</summary>
public static class GetPreProceedings
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record Meeting(DateOnly HeldOn, string Summary, bool Initial);

    public sealed record Record(
        Guid Id,
        Guid Version,
        DateOnly StartedOn,
        string Rationale,
        string StartedBy,
        DateOnly? LetterSentOn,
        bool? FgdmOffered,
        string? FgdmNotOfferedReason,
        bool? FgdmAccepted,
        DateOnly? FgdmHeldOn,
        string? FamilyProposal,
        string? FgdmNotHeldReason,
        IReadOnlyList<Meeting> Meetings,
        int ReviewMeetingsCount,
        DateOnly? DecidedOn,
        PreProceedingsOutcome? Outcome,
        string? DecisionRationale,
        string? DecidedBy,
        DateOnly? CourtApplicationOn,
        DateOnly? CourtLetterSentOn,
        bool FgdmSettled)
    {
        public bool IsOpen => DecidedOn is null;

        /// <summary>What the worker records next, in the order the Public Law Outline takes.</summary>
        public bool NeedsLetter => IsOpen && LetterSentOn is null;

        public bool NeedsFgdm => IsOpen && FgdmOffered == true && !FgdmSettled;

        public bool NeedsCourtApplication => Outcome == PreProceedingsOutcome.IssueCareProceedings && (CourtApplicationOn is null || CourtLetterSentOn is null);
    }

    /// <summary>Whether pre-proceedings could start now (an open referral and none open), and every record.</summary>
    public sealed record Result(bool HasOpenReferral, IReadOnlyList<Record> Records)
    {
        public Record? Open => Records.FirstOrDefault(r => r.IsOpen);

        public bool CanStart => HasOpenReferral && Open is null;
    }

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var open = await db.Referrals.AnyAsync(r => r.ChildId == query.PersonId && r.Status == ReferralStatus.Open && !r.NoFurtherAction, cancellationToken);
            var records = await db.PreProceedings.AsNoTracking().Include(p => p.Meetings)
                .Where(p => p.ChildId == query.PersonId).OrderByDescending(p => p.StartedOn).ToListAsync(cancellationToken);
            var staffIds = records.Select(r => r.StartedById).Concat(records.Where(r => r.DecidedById is not null).Select(r => r.DecidedById!.Value)).Distinct().ToList();
            var names = await db.Staff.Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
            return new Result(open, [.. records.Select(r => new Record(
                r.Id, r.Version, r.StartedOn, r.Rationale, names.GetValueOrDefault(r.StartedById, "a former member of staff"),
                r.LetterSentOn, r.FgdmOffered, r.FgdmNotOfferedReason, r.FgdmAccepted, r.FgdmHeldOn, r.FamilyProposal, r.FgdmNotHeldReason,
                [.. r.Meetings.Select((m, i) => new Meeting(m.HeldOn, m.Summary, i == 0))], r.ReviewMeetingsCount,
                r.DecidedOn, r.Outcome, r.DecisionRationale, r.DecidedById is { } by ? names.GetValueOrDefault(by, "a former member of staff") : null,
                r.CourtApplicationOn, r.CourtLetterSentOn, r.FgdmSettled))]);
        }
    }
}
