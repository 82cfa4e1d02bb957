using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The child's child in need plans, newest first, with the next review and visit due and their RAG.</summary>
public static class GetChildInNeedPlans
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record Review(DateOnly HeldOn, string Summary);

    public sealed record Visit(DateOnly VisitedOn, bool ChildSeen, bool SeenAlone);

    public sealed record Plan(Guid Id, Guid Version, DateOnly StartedOn, DateOnly? EndedOn, string? EndReason, IReadOnlyList<Review> Reviews, IReadOnlyList<Visit> Visits,
        DueItem? NextReview, RagStatus? ReviewStatus, DueItem? NextVisit, RagStatus? VisitStatus);

    /// <summary>Whether the child has an open referral a plan could start on, and the plans.</summary>
    public sealed record Result(bool HasOpenReferral, IReadOnlyList<Plan> Plans)
    {
        public Plan? Open => Plans.FirstOrDefault(p => p.EndedOn is null);
    }

    public sealed class Handler(IAppDbContext db, TimescaleProvider timescales, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var open = await db.Referrals.AnyAsync(r => r.ChildId == query.PersonId && r.Status == ReferralStatus.Open, cancellationToken);
            var plans = await db.ChildInNeedPlans.AsNoTracking().Include(p => p.Reviews).Include(p => p.Visits)
                .Where(p => p.ChildId == query.PersonId).OrderByDescending(p => p.StartedOn).AsSplitQuery().ToListAsync(cancellationToken);
            var rules = await timescales.CurrentAsync(cancellationToken);
            var today = UkTime.Today(clock);
            return new Result(open, [.. plans.Select(p =>
            {
                var review = p.IsOpen ? new DueItem(DueKind.ChildInNeedReview, rules.ChildInNeedReviewDue(p.StartedOn, p.LatestReview)) : null;
                var visit = p.IsOpen ? new DueItem(DueKind.ChildInNeedVisit, rules.ChildInNeedVisitDue(p.StartedOn, p.LatestVisit)) : null;
                return new Plan(p.Id, p.Version, p.StartedOn, p.EndedOn, p.EndReason,
                    [.. p.Reviews.OrderBy(r => r.HeldOn).Select(r => new Review(r.HeldOn, r.Summary))],
                    [.. p.Visits.OrderBy(v => v.VisitedOn).Select(v => new Visit(v.VisitedOn, v.ChildSeen, v.SeenAlone))],
                    review, review is null ? null : rules.StatusOf(review, today), visit, visit is null ? null : rules.StatusOf(visit, today));
            })]);
        }
    }
}

/// <summary>The social worker starts a child in need plan on the child's open referral.</summary>
public static class StartChildInNeedPlan
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public DateOnly? StartedOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.StartedOn).NotNull().WithMessage("Enter the date the plan started");
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.Where(r => r.ChildId == command.PersonId && r.Status == ReferralStatus.Open)
                .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("The child has no open referral: a plan starts on an open episode of need", "StartedOn");
            if (await db.ChildInNeedPlans.AnyAsync(p => p.ChildId == command.PersonId && p.EndedOn == null, cancellationToken))
            {
                throw new DomainRuleException("The child already has an open child in need plan", "StartedOn");
            }

            var plan = new ChildInNeedPlan(referral, command.StartedOn!.Value, UkTime.Today(clock));
            db.ChildInNeedPlans.Add(plan);
            return plan.Id;
        }
    }
}

/// <summary>A child in need review: the date it was held and what it decided.</summary>
public static class RecordChildInNeedReview
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid PlanId { get; init; }

        public DateOnly? HeldOn { get; init; }

        public string? Summary { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date of the review");
            RuleFor(c => c.Summary).NotEmpty().WithMessage("Summarise what the review decided")
                .MaximumLength(ChildInNeedPlan.TextLimit).WithMessage("The summary must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var plan = await PlanLoader.LoadAsync(db, command.PersonId, command.PlanId, null, cancellationToken);
            plan.RecordReview(command.HeldOn!.Value, command.Summary, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}

/// <summary>A visit under the plan, and whether the child was seen (and alone).</summary>
public static class RecordChildInNeedVisit
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid PlanId { get; init; }

        public DateOnly? VisitedOn { get; init; }

        public bool ChildSeen { get; init; }

        public bool SeenAlone { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.VisitedOn).NotNull().WithMessage("Enter the date of the visit");
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var plan = await PlanLoader.LoadAsync(db, command.PersonId, command.PlanId, null, cancellationToken);
            plan.RecordVisit(command.VisitedOn!.Value, command.ChildSeen, command.SeenAlone, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}

/// <summary>The plan ends, with the date and why.</summary>
public static class EndChildInNeedPlan
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PlanId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? EndedOn { get; init; }

        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EndedOn).NotNull().WithMessage("Enter the date the plan ended");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the plan is ending")
                .MaximumLength(ChildInNeedPlan.TextLimit).WithMessage("The reason must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var plan = await PlanLoader.LoadAsync(db, command.PersonId, command.PlanId, command.Version, cancellationToken);
            plan.End(command.EndedOn!.Value, command.Reason, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}

internal static class PlanLoader
{
    public static async Task<ChildInNeedPlan> LoadAsync(IAppDbContext db, Guid personId, Guid planId, Guid? version, CancellationToken ct)
    {
        var plan = await db.ChildInNeedPlans.Include(p => p.Reviews).Include(p => p.Visits).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId && p.ChildId == personId, ct)
            ?? throw new NotFoundException("Page not found");
        if (version is { } v)
        {
            db.ExpectVersion(plan, v);
        }

        return plan;
    }
}
