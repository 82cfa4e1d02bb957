using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

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
