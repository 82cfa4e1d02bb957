using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>
/// The social worker records the legal planning meeting's decision to start pre-proceedings, on the child's open
/// referral (the census's PPStartDate): one open at a time.
/// </summary>
public static class StartPreProceedings
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public DateOnly? StartedOn { get; init; }

        public string? Rationale { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.StartedOn).NotNull().WithMessage("Enter the date of the legal planning meeting that decided to start pre-proceedings");
            RuleFor(c => c.Rationale).NotEmpty().WithMessage("Say why the legal planning meeting decided to start pre-proceedings")
                .MaximumLength(PreProceedings.TextLimit).WithMessage($"The rationale must be {PreProceedings.TextLimit:N0} characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.Where(r => r.ChildId == command.PersonId && r.Status == ReferralStatus.Open)
                .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("The child has no open referral: pre-proceedings start on an open episode of need", "StartedOn");
            if (await db.PreProceedings.AnyAsync(p => p.ChildId == command.PersonId && p.DecidedOn == null, cancellationToken))
            {
                throw new DomainRuleException(PreProceedings.OneOpenPerChild, "StartedOn");
            }

            var record = new PreProceedings(referral, command.StartedOn!.Value, command.Rationale, user.RequireUserId(), UkTime.Today(clock));
            db.PreProceedings.Add(record);
            return record.Id;
        }
    }
}
