using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>The MASH's overall view once partners have answered: a summary and an overall RAG rating.</summary>
public static class RecordMashOutcome
{
    [RequiresPermission(Permission.RecordContacts)]
    public sealed record Command : ICommand, IContactScoped, IAudited, IVersioned
    {
        public Guid ContactId { get; init; }

        public Guid Version { get; init; }

        public string? Outcome { get; init; }

        public RagRating? Rag { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).NotEmpty().WithMessage("Enter the outcome of the MASH checks");
            RuleFor(c => c.Outcome).MaximumLength(Contact.LongTextLimit)
                .WithMessage($"The outcome must be {Contact.LongTextLimit:N0} characters or fewer");
            RuleFor(c => c.Rag).NotNull().WithMessage("Select a RAG rating").IsInEnum().WithMessage("Select a RAG rating");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var contact = await db.Contacts.Include(c => c.MashChecks).SingleAsync(c => c.Id == command.ContactId, cancellationToken);
            db.ExpectVersion(contact, command.Version);
            contact.RecordMashOutcome(command.Outcome!.Trim(), command.Rag!.Value, clock.GetUtcNow().UtcDateTime);
            return Unit.Value;
        }
    }
}
