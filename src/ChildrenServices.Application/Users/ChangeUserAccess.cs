using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Users;

/// <summary>
/// Change a colleague's name, roles and teams. New roles apply from their next request. An administrator changing their
/// own roles must give their password again, and every other administrator is alerted (issue 15: no one gives themselves
/// case access silently).
/// </summary>
public static class ChangeUserAccess
{
    [RequiresPermission(Permission.ManageUsers)]
    public sealed record Command : ICommand, IVersioned, IAuditsChanges
    {
        public Guid UserId { get; init; }

        public Guid Version { get; init; }

        public string? DisplayName { get; init; }

        public string? JobTitle { get; init; }

        /// <summary>The Social Work England registration number, for a registered social worker or manager.</summary>
        public string? RegistrationNumber { get; init; }

        public List<string> Roles { get; init; } = [];

        public List<Guid> TeamIds { get; init; } = [];

        /// <summary>The administrator's own password, asked for only when they change their own roles.</summary>
        public string? YourPassword { get; init; }

        /// <summary>Never prints the password (a record would print every property).</summary>
        public override string ToString() => $"{nameof(ChangeUserAccess)} {UserId}";
    }

    /// <summary>Whether the command changes the roles of the user sending it.</summary>
    public static async Task<bool> ChangesOwnRolesAsync(Command command, ICurrentUser user, IUserAccounts accounts, CancellationToken ct)
    {
        if (command.UserId != user.UserId)
        {
            return false;
        }

        var current = (await accounts.RolesAsync([command.UserId], ct)).GetValueOrDefault(command.UserId) ?? [];
        return !current.ToHashSet(StringComparer.Ordinal).SetEquals(command.Roles);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db, ICurrentUser user, IUserAccounts accounts)
        {
            RuleFor(c => c.YourPassword)
                .MustAsync(async (c, password, ct) => !await ChangesOwnRolesAsync(c, user, accounts, ct)
                    || (!string.IsNullOrEmpty(password) && await accounts.CheckPasswordAsync(c.UserId, password, ct)))
                .WithMessage(c => string.IsNullOrEmpty(c.YourPassword) ? "Enter your password to change your own roles" : "Your password is wrong");
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the person's full name")
                .MaximumLength(100).WithMessage("The name must be 100 characters or fewer");
            RuleFor(c => c.JobTitle).MaximumLength(100).WithMessage("The job title must be 100 characters or fewer");
            RuleFor(c => c.RegistrationNumber).Must(Domain.Staff.StaffMember.IsRegistrationNumber).WithMessage(Domain.Staff.StaffMember.RegistrationNumberFormat);
            RuleFor(c => c.RegistrationNumber)
                .MustAsync(async (c, n, ct) => !await db.Staff.AnyAsync(s => s.Id != c.UserId && s.RegistrationNumber == Domain.Staff.StaffMember.NormaliseRegistrationNumber(n), ct))
                .When(c => !string.IsNullOrWhiteSpace(c.RegistrationNumber) && Domain.Staff.StaffMember.IsRegistrationNumber(c.RegistrationNumber))
                .WithMessage("Another colleague's account has this registration number");
            RuleFor(c => c.Roles).NotEmpty().WithMessage("Select at least one role");
            RuleForEach(c => c.Roles).Must(r => Security.Roles.All.Contains(r)).WithMessage("Select roles from the list");
            RuleFor(c => c.TeamIds)
                .MustAsync(async (ids, ct) => ids.Count == 0 || await db.Teams.CountAsync(t => ids.Contains(t.Id), ct) == ids.Distinct().Count())
                .WithMessage("Select teams from the list");
        }
    }

    public sealed class Handler(IAppDbContext db, IUserAccounts accounts, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == command.UserId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            db.ExpectVersion(staff, command.Version);
            if (await ChangesOwnRolesAsync(command, user, accounts, cancellationToken))
            {
                // Every other administrator hears of it at once, with a link to the account.
                var now = clock.GetUtcNow().UtcDateTime;
                var roles = string.Join(", ", command.Roles.Select(Security.Roles.Describe));
                foreach (var admin in await accounts.UsersInRolesAsync([Security.Roles.Administrator], cancellationToken))
                {
                    if (admin != command.UserId)
                    {
                        db.Notifications.Add(new Domain.Notifications.Notification(
                            admin, $"{staff.DisplayName} changed their own roles to: {roles}", $"/Admin/Users/Edit/{command.UserId}", true, now));
                    }
                }
            }

            staff.Rename(command.DisplayName!, command.JobTitle);
            staff.Register(command.RegistrationNumber);
            await accounts.SetRolesAsync(command.UserId, command.Roles, cancellationToken);

            var teams = await db.Teams.Include(t => t.Members).ToListAsync(cancellationToken);
            foreach (var team in teams)
            {
                if (command.TeamIds.Contains(team.Id))
                {
                    team.AddMember(command.UserId);
                }
                else if (team.Members.Any(m => m.UserId == command.UserId) && team.ManagerId != command.UserId)
                {
                    team.RemoveMember(command.UserId);
                }
            }

            return Unit.Value;
        }
    }
}
