using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Users;

/// <summary>Disable an account (it loses access on its next request) or enable it again.</summary>
public static class SetUserDisabled
{
    [RequiresPermission(Permission.ManageUsers)]
    public sealed record Command(Guid UserId, bool Disabled) : ICommand, IAuditsChanges;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ICurrentUser user) =>
            RuleFor(c => c.UserId).NotEqual(user.UserId ?? Guid.Empty).When(c => c.Disabled)
                .WithMessage("You cannot disable your own account");
    }

    public sealed class Handler(IAppDbContext db, IUserAccounts accounts) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == command.UserId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            if (command.Disabled)
            {
                staff.Disable();
                await accounts.EndSessionsAsync(command.UserId, SessionEnd.Disabled, cancellationToken);
            }
            else
            {
                staff.Enable();
            }

            return Unit.Value;
        }
    }
}
