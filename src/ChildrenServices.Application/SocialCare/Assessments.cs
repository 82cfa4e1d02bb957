using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
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
    }

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.AsNoTracking()
                .Where(r => r.ChildId == query.PersonId && r.Status != ReferralStatus.Withdrawn)
                .OrderByDescending(r => r.Status == ReferralStatus.Open).ThenByDescending(r => r.ReferralDate)
                .FirstOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return new Result(null, null, null, null, null, []);
            }

            var assessments = await db.ChildAndFamilyAssessments.AsNoTracking().Include(a => a.Seen)
                .Where(a => a.ReferralId == referral.Id).OrderByDescending(a => a.StartedOn).ToListAsync(cancellationToken);
            var staffIds = assessments.SelectMany(a => new[] { a.WorkerId, a.AuthorisedById ?? Guid.Empty }).Distinct().ToList();
            var names = await db.Staff.Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
            return new Result(referral.Id, referral.ReferralDate, referral.AssessmentDueOn, referral.Status, referral.ClosureReasonCode, [.. assessments.Select(a => new Current(
                a.Id, a.Version, a.StartedOn, a.DueOn, names.GetValueOrDefault(a.WorkerId, "Unknown"), a.Analysis, a.Factors, a.Outcome, a.LateReason, a.Status, a.SubmittedOn,
                a.AuthorisedOn, a.AuthorisedById is { } m ? names.GetValueOrDefault(m) : null, a.ReturnedReason,
                [.. a.Seen.OrderBy(s => s.SeenOn).Select(s => new Seen(s.SeenOn, s.Alone))], a.UpdatedByName, a.UpdatedAtUtc))]);
        }
    }
}

/// <summary>The social worker starts the child and family assessment on the open referral.</summary>
public static class StartAssessment
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public DateOnly? StartedOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.StartedOn).NotNull().WithMessage("Enter the date the assessment started");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.Where(r => r.ChildId == command.PersonId && r.Status == ReferralStatus.Open)
                .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("The child has no open referral to assess", "StartedOn");

            // CIN rule 8896: one open assessment per episode of need — and a referral has one child and family
            // assessment: once it is authorised, the referral goes on to its outcome, not to a second assessment.
            var existing = await db.ChildAndFamilyAssessments.Where(a => a.ReferralId == referral.Id).Select(a => a.Status).ToListAsync(cancellationToken);
            if (existing.Contains(AssessmentStatus.Authorised))
            {
                throw new DomainRuleException("The assessment on this referral has already been authorised: a new assessment needs a new referral", "StartedOn");
            }

            if (existing.Count > 0)
            {
                throw new DomainRuleException("An assessment is already open on this referral", "StartedOn");
            }

            var assessment = new ChildAndFamilyAssessment(referral, command.StartedOn!.Value, user.RequireUserId(), UkTime.Today(clock));
            db.ChildAndFamilyAssessments.Add(assessment);
            return assessment.Id;
        }
    }
}

/// <summary>The worker saves the analysis, the DfE factors, the outcome and (when late) why.</summary>
public static class SaveAssessment
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid AssessmentId { get; init; }

        public Guid Version { get; init; }

        public string? Analysis { get; init; }

        public List<string> Factors { get; init; } = [];

        public AssessmentOutcome? Outcome { get; init; }

        public string? LateReason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Analysis).MaximumLength(ChildAndFamilyAssessment.TextLimit).WithMessage("The analysis must be 20,000 characters or fewer");
            RuleFor(c => c.LateReason).MaximumLength(ChildAndFamilyAssessment.TextLimit).WithMessage("The reason must be 20,000 characters or fewer");
            RuleFor(c => c.Outcome).IsInEnum().WithMessage("Select the outcome of the assessment");
            RuleFor(c => c.Factors).Must(f => f.All(code => DfeCodes.AssessmentFactors.Find(code) is { ValidToYear: null }))
                .WithMessage("Select factors from the list");
            RuleFor(c => c.Factors).Must(f => !f.Contains(DfeCodes.NoFactorsIdentified) || f.Count == 1)
                .WithMessage("“21 No factors identified” cannot be selected with any other factor");
        }
    }

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var assessment = await AssessmentLoader.LoadAsync(db, command.PersonId, command.AssessmentId, command.Version, cancellationToken);
            assessment.Record(command.Analysis, command.Factors, command.Outcome, command.LateReason);
            return Unit.Value;
        }
    }
}

/// <summary>A date the child was seen during the assessment, and whether they were seen alone.</summary>
public static class RecordChildSeen
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid AssessmentId { get; init; }

        public DateOnly? SeenOn { get; init; }

        public bool Alone { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SeenOn).NotNull().WithMessage("Enter the date the child was seen");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var assessment = await AssessmentLoader.LoadAsync(db, command.PersonId, command.AssessmentId, null, cancellationToken);
            assessment.RecordSeen(command.SeenOn!.Value, command.Alone, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}

/// <summary>
/// The worker sends the assessment to the team manager. It goes on the manager's approvals queue; the
/// manager's approval completes it (ADR 0011), a rejection sends it back with reasons.
/// </summary>
public static class SubmitAssessment
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command(Guid PersonId, Guid AssessmentId, Guid Version) : ICommand, IPersonScoped, IAudited, IVersioned;

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var assessment = await AssessmentLoader.LoadAsync(db, command.PersonId, command.AssessmentId, command.Version, cancellationToken);
            assessment.Submit(UkTime.Today(clock));
            var teamId = await db.Referrals.Where(r => r.Id == assessment.ReferralId).Select(r => r.TeamId).SingleAsync(cancellationToken);
            var factors = string.Join(", ", assessment.Factors);
            var summary = $"Outcome: {assessment.Outcome!.Value.Describe()}. Factors: {factors}. Child seen {assessment.Seen.Count} time{(assessment.Seen.Count == 1 ? "" : "s")} ({assessment.Seen.Count(s => s.Alone)} alone)."
                + (assessment.LateReason is { } late ? $" Late because: {late}" : string.Empty);
            db.ApprovalRequests.Add(ApprovalRequest.AssessmentAuthorisation(teamId, assessment.ChildId, assessment.Id, summary, user.RequireUserId(), clock.GetUtcNow().UtcDateTime));
            return Unit.Value;
        }
    }
}

internal static class AssessmentLoader
{
    public static async Task<ChildAndFamilyAssessment> LoadAsync(IAppDbContext db, Guid personId, Guid assessmentId, Guid? version, CancellationToken ct)
    {
        var assessment = await db.ChildAndFamilyAssessments.Include(a => a.Seen).SingleOrDefaultAsync(a => a.Id == assessmentId && a.ChildId == personId, ct)
            ?? throw new NotFoundException("Page not found");
        if (version is { } v)
        {
            db.ExpectVersion(assessment, v);
        }

        return assessment;
    }
}
