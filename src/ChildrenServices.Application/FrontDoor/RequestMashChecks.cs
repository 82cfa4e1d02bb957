using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>
/// Ask partner agencies what they know about the family, several at once, each with the same question
/// and time to answer by. One check per agency, so each answer (and each late one) is tracked on its own.
/// </summary>
public static class RequestMashChecks
{
    [RequiresPermission(Permission.RecordContacts)]
    public sealed record Command : ICommand, IContactScoped, IAudited, IVersioned
    {
        public Guid ContactId { get; init; }

        public Guid Version { get; init; }

        public List<PartnerAgency> Agencies { get; init; } = [];

        /// <summary>Only for <see cref="PartnerAgency.Other"/>.</summary>
        public string? AgencyName { get; init; }

        public string? Question { get; init; }

        /// <summary>UK local date the answers are due. With <see cref="DueTime"/> blank too, the default response time applies.</summary>
        public DateOnly? DueDate { get; init; }

        /// <summary>UK local time of day, as typed ("14:05").</summary>
        public string? DueTime { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Agencies).NotEmpty().WithMessage("Select at least one agency");
            RuleForEach(c => c.Agencies).IsInEnum().WithMessage("Select at least one agency");
            RuleFor(c => c.Agencies).Must(a => a.Distinct().Count() == a.Count).WithMessage("Select each agency once");
            RuleFor(c => c.AgencyName).NotEmpty().When(c => c.Agencies.Contains(PartnerAgency.Other))
                .WithMessage("Enter the name of the other agency");
            RuleFor(c => c.AgencyName).MaximumLength(Contact.ShortTextLimit)
                .WithMessage($"The agency name must be {Contact.ShortTextLimit} characters or fewer");
            RuleFor(c => c.Question).NotEmpty().WithMessage("Enter what you need to know");
            RuleFor(c => c.Question).MaximumLength(Contact.LongTextLimit)
                .WithMessage($"What you need to know must be {Contact.LongTextLimit:N0} characters or fewer");

            // Both blank means "the usual response time"; one without the other is a half-typed deadline.
            When(c => c.DueDate is not null || !string.IsNullOrWhiteSpace(c.DueTime), () =>
            {
                RuleFor(c => c.DueDate).NotNull().WithMessage("Enter the date the response is due");
                RuleFor(c => c.DueTime).NotEmpty().WithMessage("Enter the time the response is due");
                RuleFor(c => c.DueTime).Must(t => MashCheckTimes.TryParseTime(t, out _)).When(c => !string.IsNullOrWhiteSpace(c.DueTime))
                    .WithMessage("Enter a real time, for example 14:05 or 2pm");
                RuleFor(c => c.DueTime).Must((c, _) => MashCheckTimes.ToUtc(c.DueDate, c.DueTime) > clock.GetUtcNow().UtcDateTime)
                    .When(c => MashCheckTimes.ToUtc(c.DueDate, c.DueTime) is not null)
                    .WithMessage("The due time must be in the future");
            });
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, FrontDoorSettings settings) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var contact = await db.Contacts.Include(c => c.MashChecks).SingleAsync(c => c.Id == command.ContactId, cancellationToken);
            db.ExpectVersion(contact, command.Version);

            var now = clock.GetUtcNow().UtcDateTime;
            var due = MashCheckTimes.ToUtc(command.DueDate, command.DueTime) ?? now.AddHours(settings.MashCheckResponseHours);
            var requestedBy = user.RequireUserId();
            foreach (var agency in command.Agencies)
            {
                try
                {
                    contact.RequestCheck(agency, agency == PartnerAgency.Other ? command.AgencyName : null, command.Question!.Trim(), now, due, requestedBy);
                }
                catch (DomainRuleException rule) when (rule.Field == "Agency")
                {
                    // The domain names its field "Agency"; this form asks for several, as "Agencies".
                    throw new DomainRuleException(rule.Message, nameof(Command.Agencies));
                }
            }

            return Unit.Value;
        }
    }
}
