using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>What a partner agency told us in answer to a check, when, and how worrying it is (RAG).</summary>
public static class RecordMashCheckResponse
{
    [RequiresPermission(Permission.RecordContacts)]
    public sealed record Command : ICommand, IContactScoped, IAudited, IVersioned
    {
        public Guid ContactId { get; init; }

        public Guid CheckId { get; init; }

        public Guid Version { get; init; }

        public string? Response { get; init; }

        public RagRating? Rag { get; init; }

        /// <summary>UK local date the answer came in.</summary>
        public DateOnly? RespondedDate { get; init; }

        /// <summary>UK local time of day, as typed ("14:05").</summary>
        public string? RespondedTime { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Response).NotEmpty().WithMessage("Enter the agency's response");
            RuleFor(c => c.Response).MaximumLength(Contact.LongTextLimit)
                .WithMessage($"The agency's response must be {Contact.LongTextLimit:N0} characters or fewer");
            RuleFor(c => c.Rag).NotNull().WithMessage("Select a RAG rating").IsInEnum().WithMessage("Select a RAG rating");
            RuleFor(c => c.RespondedDate).NotNull().WithMessage("Enter the date the response was received");
            RuleFor(c => c.RespondedTime).NotEmpty().WithMessage("Enter the time the response was received");
            RuleFor(c => c.RespondedTime).Must(t => MashCheckTimes.TryParseTime(t, out _)).When(c => !string.IsNullOrWhiteSpace(c.RespondedTime))
                .WithMessage("Enter a real time, for example 14:05 or 2pm");

            // A minute's grace: "now" typed from the clock on the wall must not be refused as the future.
            RuleFor(c => c.RespondedDate)
                .Must((c, _) => MashCheckTimes.ToUtc(c.RespondedDate, c.RespondedTime) <= clock.GetUtcNow().UtcDateTime.AddMinutes(1))
                .When(c => MashCheckTimes.ToUtc(c.RespondedDate, c.RespondedTime) is not null)
                .WithMessage("The date and time received must be now or in the past");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var contact = await db.Contacts.Include(c => c.MashChecks).SingleAsync(c => c.Id == command.ContactId, cancellationToken);
            var check = contact.MashChecks.SingleOrDefault(c => c.Id == command.CheckId) ?? throw new NotFoundException("Page not found");
            if (!check.IsOutstanding)
            {
                // What an agency said is evidence for the decision: a second answer is a new check, not an overwrite.
                throw new DomainRuleException("A response has already been recorded for this check: request a new check to ask again", nameof(Command.Response));
            }

            db.ExpectVersion(contact, command.Version);
            var respondedAt = MashCheckTimes.ToUtc(command.RespondedDate, command.RespondedTime)!.Value;
            contact.RecordCheckResponse(command.CheckId, command.Response!.Trim(), command.Rag!.Value, respondedAt, user.RequireUserId());
            return Unit.Value;
        }
    }
}
