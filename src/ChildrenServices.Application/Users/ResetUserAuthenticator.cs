using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Users;

/// <summary>
/// A colleague has lost their phone and their recovery codes: an administrator removes their authenticator app, so they
/// sign in with their password and set up a new one (required again where the council requires it). Their sessions end.
/// </summary>
public static class ResetUserAuthenticator
{
    [RequiresPermission(Permission.ManageUsers)]
    public sealed record Command(Guid UserId) : ICommand, IAuditsChanges;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ICurrentUser user) =>
            RuleFor(c => c.UserId).NotEqual(user.UserId ?? Guid.Empty)
                .WithMessage("Manage your own authenticator app from your account page");
    }

    public sealed class Handler(IAppDbContext db, IUserAccounts accounts) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Staff.AnyAsync(s => s.Id == command.UserId, cancellationToken))
            {
                throw new NotFoundException("Page not found");
            }

            await accounts.ResetAuthenticatorAsync(command.UserId, cancellationToken);
            return Unit.Value;
        }
    }
}
