using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Codes;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>A manager agrees a front-door decision (it takes effect) or returns it with a reason.</summary>
public static class SignOffDecision
{
    [RequiresPermission(Permission.SignOffContactDecisions)]
    public sealed record Command : ICommand<string>, IContactScoped, IAudited, IVersioned
    {
        public Guid ContactId { get; init; }

        public Guid Version { get; init; }

        public bool? Agreed { get; init; }

        public string? Comment { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Agreed).NotNull().WithMessage("Select whether you agree the decision");
            RuleFor(c => c.Comment).NotEmpty().When(c => c.Agreed == false).WithMessage("Say why the decision is not agreed")
                .LongText("The comment");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, DecisionConsequences consequences) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var contact = await ContactLoader.FullAsync(db, command.ContactId, cancellationToken);
            db.ExpectVersion(contact, command.Version);
            var decision = contact.SignOff(command.Agreed!.Value, command.Comment, user.UserId!.Value, clock.GetUtcNow().UtcDateTime);
            return decision.InForce
                ? "Decision agreed. " + await consequences.ApplyAsync(contact, decision, cancellationToken)
                : "Decision returned to the front door with your reason.";
        }
    }
}
