using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.Approvals;

/// <summary>
/// A team manager decides a request to close a child's case. Approval closes the referral with the reason the
/// worker gave and ends the team's allocations, if nothing has been opened since the worker asked
/// (<see cref="Domain.Allocations.ChildCase.Close"/>); a rejection leaves the case open.
/// </summary>
public static class DecideClosure
{
    [RequiresPermission(Permission.DecideApprovals)]
    public sealed record Command : ICommand<string>, IAudited, IApprovalDecision
    {
        public Guid RequestId { get; init; }

        public Guid Version { get; init; }

        public bool? Approve { get; init; }

        public string? Rationale { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new ApprovalDecisionValidator<Command>());
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = await ApprovalDecision.DecideAsync(db, user, access, clock, command, ApprovalKind.CaseClosure, cancellationToken);
            if (!command.Approve!.Value)
            {
                return "Closure rejected: the case stays open, and the worker can see your rationale.";
            }

            var childCase = await ChildCases.LoadAsync(db, request.Children[0].ChildId, cancellationToken);
            childCase.Close(request.ClosureReasonCode!, UkTime.Today(clock));
            return $"Case closed ({request.ClosureReasonCode}).";
        }
    }
}
