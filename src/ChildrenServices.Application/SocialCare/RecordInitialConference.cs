using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>
/// The reviewing officer who chaired it records the initial conference: date and outcome (with the initial category for a plan).
/// A plan is refused while another is open (CIN rule 8935) or before an earlier one ended (8940), and ends an open
/// child in need plan on the conference date (4001, 4016, 4017).
/// </summary>
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

        /// <summary>Plans under other councils before this one, in total, where the conference was told of them (blank: none known).</summary>
        public int? PreviousPlansElsewhere { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date of the conference");
            RuleFor(c => c.Outcome).NotNull().WithMessage("Select the outcome of the conference").IsInEnum().WithMessage("Select the outcome of the conference");
            RuleFor(c => c.InitialCategory).Must(code => DfeCodes.CategoryOfAbuse.Find(code!) is not null)
                .When(c => !string.IsNullOrEmpty(c.InitialCategory)).WithMessage("Select a category of abuse from the list");
            RuleFor(c => c.PreviousPlansElsewhere).InclusiveBetween(0, ChildProtectionPlan.MostPreviousPlansElsewhere)
                .WithMessage(ChildProtectionPlan.PreviousPlansElsewhereOutOfRange);
            RuleFor(c => c.PreviousPlansElsewhere).Must(n => n is null or 0)
                .When(c => c.Outcome is { } o && o != ConferenceOutcome.ChildProtectionPlan)
                .WithMessage("Earlier plans under other councils are only entered when the conference makes a child protection plan");
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
                var heldOn = enquiry.ConferenceHeldOn!.Value;
                var plans = await db.ChildProtectionPlans.Where(p => p.ChildId == command.PersonId).ToListAsync(cancellationToken);
                PlanOverlap.EnsureChildProtectionPlanCanStart(heldOn, plans);
                var childInNeedPlan = await db.ChildInNeedPlans.Include(p => p.Reviews).Include(p => p.Visits).AsSplitQuery()
                    .SingleOrDefaultAsync(p => p.ChildId == command.PersonId && p.EndedOn == null, cancellationToken);
                childInNeedPlan?.EndAsChildProtectionPlanStarts(heldOn);
                db.ChildProtectionPlans.Add(new ChildProtectionPlan(enquiry, command.PreviousPlansElsewhere ?? 0));
            }

            return Unit.Value;
        }
    }
}
