using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>A date the child was seen during the assessment, and whether they were seen alone.</summary>
public static class RecordChildSeen
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid AssessmentId { get; init; }

        public DateOnly? SeenOn { get; init; }

        public bool Alone { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SeenOn).NotNull().WithMessage("Enter the date the child was seen");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var assessment = await AssessmentLoader.LoadAsync(db, command.PersonId, command.AssessmentId, null, cancellationToken);
            assessment.RecordSeen(command.SeenOn!.Value, command.Alone, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
