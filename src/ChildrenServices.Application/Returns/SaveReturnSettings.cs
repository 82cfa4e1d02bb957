using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Returns;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns;

/// <summary>An administrator sets the council's LA number, ONS code and the software's name for the return headers.</summary>
public static class SaveReturnSettings
{
    [RequiresPermission(Permission.ManageReturnSettings)]
    public sealed record Command : ICommand, IAuditsChanges
    {
        /// <summary>The version being edited; empty when nothing has been saved yet.</summary>
        public Guid? Version { get; init; }

        public string? LaNumber { get; init; }

        public string? OnsCode { get; init; }

        public string? SoftwareName { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c).Custom((command, context) =>
            {
                foreach (var (field, message) in ReturnSettings.Validate(command.LaNumber, command.OnsCode, command.SoftwareName))
                {
                    context.AddFailure(field, message);
                }
            });
    }

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var saved = await db.ReturnSettings.SingleOrDefaultAsync(s => s.Id == ReturnSettings.SingletonId, cancellationToken);
            if (saved is null)
            {
                db.ReturnSettings.Add(new ReturnSettings(command.LaNumber!, command.OnsCode!, command.SoftwareName!));
                return Unit.Value;
            }

            db.ExpectVersion(saved, command.Version ?? Guid.Empty);
            saved.Change(command.LaNumber!, command.OnsCode!, command.SoftwareName!);
            return Unit.Value;
        }
    }
}
