using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

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
