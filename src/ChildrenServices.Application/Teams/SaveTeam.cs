using ChildrenServices.Application.Security;
using ChildrenServices.Application.Users;
using ChildrenServices.Domain.Teams;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Teams;

/// <summary>Create a team, or change one: its name, kind of work, manager and caseload capacity.</summary>
public static class SaveTeam
{
    [RequiresPermission(Permission.ManageTeams)]
    public sealed record Command : ICommand<Guid>, IVersioned, IAuditsChanges
    {
        /// <summary>Empty for a new team.</summary>
        public Guid TeamId { get; init; }

        public Guid Version { get; init; }

        public string? Name { get; init; }

        public TeamKind? Kind { get; init; }

        public Guid? ManagerId { get; init; }

        public int? CaseloadCapacityPerWorker { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db, IUserAccounts accounts)
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the team name")
                .MaximumLength(100).WithMessage("The team name must be 100 characters or fewer");
            RuleFor(c => c.Name)
                .MustAsync(async (c, name, ct) => !await db.Teams.AnyAsync(t => t.Name == name!.Trim() && t.Id != c.TeamId, ct))
                .When(c => !string.IsNullOrWhiteSpace(c.Name))
                .WithMessage("A team with this name already exists");
            RuleFor(c => c.Kind).NotNull().WithMessage("Select the kind of work the team does").IsInEnum();
            RuleFor(c => c.CaseloadCapacityPerWorker).NotNull().WithMessage("Enter the caseload capacity per worker")
                .InclusiveBetween(1, 100).WithMessage("Caseload capacity must be between 1 and 100");
            RuleFor(c => c.ManagerId)
                .MustAsync(async (id, ct) => (await accounts.UsersInRolesAsync([Roles.TeamManager], ct)).Contains(id!.Value))
                .When(c => c.ManagerId is not null)
                .WithMessage("Choose a manager who has the team manager role");
        }
    }

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            Team team;
            if (command.TeamId == Guid.Empty)
            {
                team = new Team(command.Name!, command.Kind!.Value, command.CaseloadCapacityPerWorker!.Value);
                db.Teams.Add(team);
            }
            else
            {
                team = await db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == command.TeamId, cancellationToken)
                    ?? throw new NotFoundException("Page not found");
                db.ExpectVersion(team, command.Version);
                team.Rename(command.Name!);
                team.SetCapacity(command.CaseloadCapacityPerWorker!.Value);
            }

            if (command.ManagerId is { } managerId)
            {
                team.AppointManager(managerId);
            }

            return team.Id;
        }
    }
}
