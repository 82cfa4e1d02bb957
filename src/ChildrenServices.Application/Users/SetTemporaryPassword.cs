using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Users;

/// <summary>
/// An administrator gives a colleague a new temporary password (forgotten, or locked out): it works for the council's
/// set time and must be changed at the first sign-in; the colleague's sessions end and any lockout is lifted. The
/// administrator passes it on by a channel other than email.
/// </summary>
public static class SetTemporaryPassword
{
    [RequiresPermission(Permission.ManageUsers)]
    public sealed record Command : ICommand, IAuditsChanges
    {
        public Guid UserId { get; init; }

        public string? Password { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ICurrentUser user)
        {
            RuleFor(c => c.UserId).NotEqual(user.UserId ?? Guid.Empty)
                .WithMessage("Change your own password from your account page, with your current one");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter a temporary password")
                .MinimumLength(CreateUser.MinimumPasswordLength).WithMessage($"The password must be at least {CreateUser.MinimumPasswordLength} characters");
        }
    }

    public sealed class Handler(IAppDbContext db, IUserAccounts accounts) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Staff.AnyAsync(s => s.Id == command.UserId, cancellationToken))
            {
                throw new NotFoundException("Page not found");
            }

            await accounts.SetTemporaryPasswordAsync(command.UserId, command.Password!, cancellationToken);
            return Unit.Value;
        }
    }
}
