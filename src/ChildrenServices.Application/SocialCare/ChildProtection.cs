using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The child's strategy discussions, section 47 enquiries and initial conferences, newest first, with what is due next.</summary>
public static class GetChildProtection
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record Enquiry(
        Guid Id, Guid Version, DateOnly StrategyHeldOn, string Agencies, bool Section47, string Rationale, DateOnly? ConferenceTargetOn,
        DateOnly? Section47ConcludedOn, string? Findings, bool? ConferenceNeeded, DateOnly? ConferenceHeldOn, ConferenceOutcome? ConferenceOutcome,
        string? InitialCategory, string? Chair, bool IsOpen, DueItem? Next, RagStatus? NextStatus);

    public sealed record Due(DueKind Kind, string What, DateOnly DueOn, RagStatus Status);

    public sealed record Review(DateOnly HeldOn, bool PlanContinues, string Decision, string Chair);

    public sealed record Visit(DateOnly VisitedOn, bool ChildSeen, bool SeenAlone);

    public sealed record Plan(
        Guid Id, Guid Version, DateOnly StartedOn, string InitialCategory, string LatestCategory, DateOnly? EndedOn, string? EndReason,
        IReadOnlyList<DateOnly> CoreGroups, IReadOnlyList<Review> Reviews, IReadOnlyList<Visit> Visits, IReadOnlyList<Due> DueNext);

    /// <param name="PreviousPlans">Plans the child had before the current or latest one (the census's NumberOfPreviousCPP).</param>
    public sealed record Result(bool HasOpenReferral, IReadOnlyList<Enquiry> Enquiries, IReadOnlyList<Plan>? Plans = null, int PreviousPlans = 0)
    {
        public Enquiry? Open => Enquiries.FirstOrDefault(e => e.IsOpen);

        public Plan? OpenPlan => Plans?.FirstOrDefault(p => p.EndedOn is null);
    }

    public sealed class Handler(IAppDbContext db, TimescaleProvider timescales, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var open = await db.Referrals.AnyAsync(r => r.ChildId == query.PersonId && r.Status == ReferralStatus.Open, cancellationToken);
            var enquiries = await db.ChildProtectionEnquiries.AsNoTracking().Where(e => e.ChildId == query.PersonId)
                .OrderByDescending(e => e.StrategyHeldOn).ToListAsync(cancellationToken);
            var plans = await db.ChildProtectionPlans.AsNoTracking().Include(p => p.CoreGroups).Include(p => p.Reviews).Include(p => p.Visits).AsSplitQuery()
                .Where(p => p.ChildId == query.PersonId).OrderByDescending(p => p.StartedOn).ToListAsync(cancellationToken);
            var chairs = enquiries.Where(e => e.ChairId is not null).Select(e => e.ChairId!.Value).Concat(plans.SelectMany(p => p.Reviews).Select(r => r.ChairId)).Distinct().ToList();
            var names = await db.Staff.Where(s => chairs.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
            var rules = await timescales.CurrentAsync(cancellationToken);
            var today = UkTime.Today(clock);
            var planRows = plans.Select(p => new Plan(p.Id, p.Version, p.StartedOn, p.InitialCategory, p.LatestCategory, p.EndedOn, p.EndReason,
                [.. p.CoreGroups.Select(g => g.HeldOn).Order()],
                [.. p.Reviews.OrderBy(r => r.HeldOn).Select(r => new Review(r.HeldOn, r.PlanContinues, r.Decision, names.GetValueOrDefault(r.ChairId, "Unknown")))],
                [.. p.Visits.OrderBy(v => v.VisitedOn).Select(v => new Visit(v.VisitedOn, v.ChildSeen, v.SeenAlone))],
                [.. ChildProtectionDue.ForPlan(p, rules).Select(d => new Due(d.Kind, ChildProtectionDue.Describe(d.Kind), d.DueOn, rules.StatusOf(d, today)))])).ToList();
            return new Result(open, [.. enquiries.Select(e =>
            {
                var next = ChildProtectionDue.Next(e, rules);
                return new Enquiry(e.Id, e.Version, e.StrategyHeldOn, e.Agencies, e.Section47, e.Rationale, e.ConferenceTargetOn, e.Section47ConcludedOn, e.Findings,
                    e.ConferenceNeeded, e.ConferenceHeldOn, e.ConferenceOutcome, e.InitialCategory, e.ChairId is { } c ? names.GetValueOrDefault(c) : null, e.IsOpen,
                    next, next is null ? null : rules.StatusOf(next, today));
            })], planRows, Math.Max(0, plans.Count - 1));
        }
    }
}

/// <summary>What an open enquiry is waiting for: the section 47 outcome (local), then the initial conference (15 working days, national).</summary>
public static class ChildProtectionDue
{
    public static DueItem? Next(ChildProtectionEnquiry e, StatutoryTimescales rules) =>
        !e.IsOpen ? null
        : e.Section47ConcludedOn is null ? new DueItem(DueKind.Section47Enquiry, rules.Section47EnquiryDue(e.StrategyHeldOn))
        : new DueItem(DueKind.InitialConference, e.ConferenceTargetOn ?? rules.InitialConferenceDue(e.StrategyHeldOn));

    /// <summary>An open plan's first core group (local, until one is held), next review conference (national) and next statutory visit (local).</summary>
    public static IEnumerable<DueItem> ForPlan(ChildProtectionPlan plan, StatutoryTimescales rules) =>
        plan.IsOpen ? ForOpenPlan(plan.StartedOn, plan.CoreGroups.Count > 0, plan.LatestReview, plan.LatestVisitSeen, rules) : [];

    /// <summary>The same, from the dates a worktray projects (it does not load the plan).</summary>
    public static IEnumerable<DueItem> ForOpenPlan(DateOnly startedOn, bool coreGroupHeld, DateOnly? latestReview, DateOnly? latestVisitSeen, StatutoryTimescales rules)
    {
        if (!coreGroupHeld)
        {
            yield return new DueItem(DueKind.FirstCoreGroup, rules.FirstCoreGroupDue(startedOn));
        }

        yield return new DueItem(DueKind.ChildProtectionReview, rules.ChildProtectionReviewDue(startedOn, latestReview));
        yield return new DueItem(DueKind.ChildProtectionVisit, rules.ChildProtectionVisitDue(startedOn, latestVisitSeen));
    }

    public static string Describe(DueKind kind) => kind switch
    {
        DueKind.FirstCoreGroup => "First core group",
        DueKind.ChildProtectionReview => "Child protection review conference",
        DueKind.ChildProtectionVisit => "Child protection visit (child seen)",
        DueKind.Section47Enquiry => "Section 47 enquiry outcome",
        DueKind.InitialConference => "Initial child protection conference",
        DueKind.StrategyDiscussion => "Strategy discussion",
        _ => kind.ToString(),
    };
}

/// <summary>The social worker records a strategy discussion: date, agencies, and whether a section 47 enquiry starts, with rationale.</summary>
public static class RecordStrategyDiscussion
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public DateOnly? HeldOn { get; init; }

        public string? Agencies { get; init; }

        public bool? Section47 { get; init; }

        public string? Rationale { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date of the strategy discussion");
            RuleFor(c => c.Agencies).NotEmpty().WithMessage("Say which agencies took part")
                .MaximumLength(ChildProtectionEnquiry.TextLimit).WithMessage("The agencies must be 10,000 characters or fewer");
            RuleFor(c => c.Section47).NotNull().WithMessage("Select whether a section 47 enquiry starts");
            RuleFor(c => c.Rationale).NotEmpty().WithMessage("Give the rationale for the decision")
                .MaximumLength(ChildProtectionEnquiry.TextLimit).WithMessage("The rationale must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, WorkingDayCalendar calendar, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.Where(r => r.ChildId == command.PersonId && r.Status == ReferralStatus.Open)
                .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("The child has no open referral: a strategy discussion belongs to an open episode of need", "HeldOn");
            var current = await db.ChildProtectionEnquiries.Where(e => e.ReferralId == referral.Id).ToListAsync(cancellationToken);
            if (command.Section47 == true && current.Any(e => e.IsOpen))
            {
                // CIN rule 8839: one open section 47 enquiry per episode of need.
                throw new DomainRuleException("A section 47 enquiry is already open for this referral: record its outcome first", "Section47");
            }

            var enquiry = new ChildProtectionEnquiry(referral, command.HeldOn!.Value, command.Agencies, command.Section47!.Value, command.Rationale, calendar, UkTime.Today(clock));
            db.ChildProtectionEnquiries.Add(enquiry);
            return enquiry.Id;
        }
    }
}

/// <summary>The enquiry's findings and whether an initial conference is needed.</summary>
public static class RecordSection47Outcome
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid EnquiryId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? ConcludedOn { get; init; }

        public string? Findings { get; init; }

        public bool? ConferenceNeeded { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ConcludedOn).NotNull().WithMessage("Enter the date the enquiry concluded");
            RuleFor(c => c.Findings).NotEmpty().WithMessage("Write the findings of the enquiry")
                .MaximumLength(ChildProtectionEnquiry.TextLimit).WithMessage("The findings must be 10,000 characters or fewer");
            RuleFor(c => c.ConferenceNeeded).NotNull().WithMessage("Select whether an initial child protection conference is needed");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var enquiry = await EnquiryLoader.LoadAsync(db, command.PersonId, command.EnquiryId, command.Version, cancellationToken);
            enquiry.RecordSection47Outcome(command.ConcludedOn!.Value, command.Findings, command.ConferenceNeeded!.Value, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}

/// <summary>The reviewing officer who chaired it records the initial conference: date and outcome (with the initial category for a plan).</summary>
public static class RecordInitialConference
{
    [RequiresPermission(Permission.RecordReviewOutcomes)]
    public sealed record Command : ICommand, IReviewOutcome, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid EnquiryId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? HeldOn { get; init; }

        public ConferenceOutcome? Outcome { get; init; }

        public string? InitialCategory { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date of the conference");
            RuleFor(c => c.Outcome).NotNull().WithMessage("Select the outcome of the conference").IsInEnum().WithMessage("Select the outcome of the conference");
            RuleFor(c => c.InitialCategory).Must(code => DfeCodes.CategoryOfAbuse.Find(code!) is not null)
                .When(c => !string.IsNullOrEmpty(c.InitialCategory)).WithMessage("Select a category of abuse from the list");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var enquiry = await EnquiryLoader.LoadAsync(db, command.PersonId, command.EnquiryId, command.Version, cancellationToken);
            enquiry.RecordConference(command.HeldOn!.Value, command.Outcome!.Value, command.InitialCategory, user.RequireUserId(), UkTime.Today(clock));
            if (enquiry.ConferenceOutcome == ConferenceOutcome.ChildProtectionPlan)
            {
                db.ChildProtectionPlans.Add(new ChildProtectionPlan(enquiry));
            }

            return Unit.Value;
        }
    }
}

internal static class EnquiryLoader
{
    public static async Task<ChildProtectionEnquiry> LoadAsync(IAppDbContext db, Guid personId, Guid enquiryId, Guid version, CancellationToken ct)
    {
        var enquiry = await db.ChildProtectionEnquiries.SingleOrDefaultAsync(e => e.Id == enquiryId && e.ChildId == personId, ct)
            ?? throw new NotFoundException("Page not found");
        db.ExpectVersion(enquiry, version);
        return enquiry;
    }
}

/// <summary>A core group meeting under the plan.</summary>
public static class RecordCoreGroup
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid PlanId { get; init; }

        public DateOnly? HeldOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date of the core group");
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            (await CpPlanLoader.LoadAsync(db, command.PersonId, command.PlanId, null, cancellationToken)).RecordCoreGroup(command.HeldOn!.Value, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}

/// <summary>A statutory visit under the plan: whether the child was seen, and alone.</summary>
public static class RecordChildProtectionVisit
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
            (await CpPlanLoader.LoadAsync(db, command.PersonId, command.PlanId, null, cancellationToken)).RecordVisit(command.VisitedOn!.Value, command.ChildSeen, command.SeenAlone, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}

/// <summary>The reviewing officer records a review conference: the plan continues under a category, or ends.</summary>
public static class RecordChildProtectionReview
{
    [RequiresPermission(Permission.RecordReviewOutcomes)]
    public sealed record Command : ICommand, IReviewOutcome, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PlanId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? HeldOn { get; init; }

        public bool? PlanContinues { get; init; }

        public string? LatestCategory { get; init; }

        public string? Decision { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date of the review conference");
            RuleFor(c => c.PlanContinues).NotNull().WithMessage("Select whether the plan continues");
            RuleFor(c => c.Decision).NotEmpty().WithMessage("Summarise what the conference decided")
                .MaximumLength(ChildProtectionPlan.TextLimit).WithMessage("The summary must be 10,000 characters or fewer");
            RuleFor(c => c.LatestCategory).Must(code => DfeCodes.CategoryOfAbuse.Find(code!) is not null)
                .When(c => !string.IsNullOrEmpty(c.LatestCategory)).WithMessage("Select a category of abuse from the list");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var plan = await CpPlanLoader.LoadAsync(db, command.PersonId, command.PlanId, command.Version, cancellationToken);
            plan.RecordReview(command.HeldOn!.Value, command.PlanContinues!.Value, command.LatestCategory, command.Decision, user.RequireUserId(), UkTime.Today(clock));
            return Unit.Value;
        }
    }
}

internal static class CpPlanLoader
{
    public static async Task<ChildProtectionPlan> LoadAsync(IAppDbContext db, Guid personId, Guid planId, Guid? version, CancellationToken ct)
    {
        var plan = await db.ChildProtectionPlans.Include(p => p.CoreGroups).Include(p => p.Reviews).Include(p => p.Visits).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId && p.ChildId == personId, ct)
            ?? throw new NotFoundException("Page not found");
        if (version is { } v)
        {
            db.ExpectVersion(plan, v);
        }

        return plan;
    }
}
