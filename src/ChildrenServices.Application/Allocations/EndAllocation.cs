using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

/// <summary>A manager ends one allocation of a child's case today.</summary>
public static class EndAllocation
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command(Guid PersonId, Guid AllocationId) : ICommand, IPersonScoped, IAudited;

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var childCase = await ChildCases.LoadAsync(db, command.PersonId, cancellationToken);
            if (!childCase.Allocations.Any(a => a.Id == command.AllocationId))
            {
                throw new NotFoundException("Page not found");
            }

            childCase.EndAllocation(command.AllocationId, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
