using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Staff;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Users;

/// <summary>An administrator adds a colleague: an account, the roles it holds, the teams it joins.</summary>
public static class CreateUser
{
    public const int MinimumPasswordLength = 12;

    [RequiresPermission(Permission.ManageUsers)]
    public sealed record Command : ICommand<Guid>, IAuditsChanges
    {
        public string? DisplayName { get; init; }

        public string? Email { get; init; }

        public string? JobTitle { get; init; }

        /// <summary>The Social Work England registration number, for a registered social worker or manager.</summary>
        public string? RegistrationNumber { get; init; }

        public List<string> Roles { get; init; } = [];

        public List<Guid> TeamIds { get; init; } = [];

        public string? Password { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the person's full name")
                .MaximumLength(100).WithMessage("The name must be 100 characters or fewer");
            RuleFor(c => c.Email).NotEmpty().WithMessage("Enter the work email address")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.gov.uk")
                .MaximumLength(256);
            RuleFor(c => c.Email)
                .MustAsync(async (email, ct) => !await db.Staff.AnyAsync(s => s.Email == email!.Trim(), ct))
                .When(c => !string.IsNullOrWhiteSpace(c.Email))
                .WithMessage("An account with this email address already exists");
            RuleFor(c => c.JobTitle).MaximumLength(100).WithMessage("The job title must be 100 characters or fewer");
            RuleFor(c => c.RegistrationNumber).Must(Domain.Staff.StaffMember.IsRegistrationNumber).WithMessage(Domain.Staff.StaffMember.RegistrationNumberFormat);
            RuleFor(c => c.RegistrationNumber)
                .MustAsync(async (n, ct) => !await db.Staff.AnyAsync(s => s.RegistrationNumber == Domain.Staff.StaffMember.NormaliseRegistrationNumber(n), ct))
                .When(c => !string.IsNullOrWhiteSpace(c.RegistrationNumber) && Domain.Staff.StaffMember.IsRegistrationNumber(c.RegistrationNumber))
                .WithMessage("Another colleague's account has this registration number");
            RuleFor(c => c.Roles).NotEmpty().WithMessage("Select at least one role");
            RuleForEach(c => c.Roles).Must(r => Security.Roles.All.Contains(r)).WithMessage("Select roles from the list");
            RuleFor(c => c.TeamIds)
                .MustAsync(async (ids, ct) => ids.Count == 0 || await db.Teams.CountAsync(t => ids.Contains(t.Id), ct) == ids.Distinct().Count())
                .WithMessage("Select teams from the list");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter a temporary password")
                .MinimumLength(MinimumPasswordLength).WithMessage($"The password must be at least {MinimumPasswordLength} characters");
        }
    }

    public sealed class Handler(IAppDbContext db, IUserAccounts accounts) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email!.Trim();
            var userId = await accounts.CreateAsync(email, command.DisplayName!.Trim(), command.Password!, command.Roles, cancellationToken);
            var staff = new StaffMember(userId, command.DisplayName!, email, command.JobTitle);
            staff.Register(command.RegistrationNumber);
            db.Staff.Add(staff);

            var teams = await db.Teams.Include(t => t.Members).Where(t => command.TeamIds.Contains(t.Id)).ToListAsync(cancellationToken);
            foreach (var team in teams)
            {
                team.AddMember(userId);
            }

            return userId;
        }
    }
}
