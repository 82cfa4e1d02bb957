using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Approvals;

/// <summary>
/// The social worker asks for a child open to social care (and siblings open to the same team) to step
/// down to a keyworker, at the end of an assessment or from a child in need plan, for the team manager to decide.
/// </summary>
public static class RequestStepDown
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public StepDownStage? Stage { get; init; }

        public string? Reasons { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Stage).NotNull().WithMessage("Say where the step-down comes from").IsInEnum();
            RuleFor(c => c.Reasons).NotEmpty().WithMessage("Give the reasons for stepping down")
                .MaximumLength(10_000).WithMessage("The reasons must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var childCase = await ChildCases.LoadAsync(db, command.PersonId, cancellationToken);
            childCase.EnsureCanStepDown();
            var referral = childCase.OpenReferral!;
            var lead = childCase.Lead?.TeamId ?? referral.TeamId;

            // Siblings open to the same team step down with the child: the family keeps one plan.
            var siblingKinds = new[] { RelationshipKind.Sibling, RelationshipKind.HalfSibling };
            var siblings = await db.Relationships
                .Where(r => r.EndedOn == null && siblingKinds.Contains(r.Kind) && (r.PersonId == command.PersonId || r.RelatedPersonId == command.PersonId))
                .Select(r => r.PersonId == command.PersonId ? r.RelatedPersonId : r.PersonId).ToListAsync(cancellationToken);
            var openSiblings = await db.Referrals.Where(r => siblings.Contains(r.ChildId) && r.Status == ReferralStatus.Open && r.TeamId == referral.TeamId)
                .Select(r => r.ChildId).Distinct().ToListAsync(cancellationToken);
            var children = new List<Guid> { command.PersonId };
            foreach (var sibling in openSiblings)
            {
                if (await access.CanSeeAsync(sibling, cancellationToken))
                {
                    children.Add(sibling);
                }
            }

            var request = ApprovalRequest.StepDown(command.Stage!.Value, lead, children, command.Reasons!, user.UserId!.Value, clock.GetUtcNow().UtcDateTime);
            db.ApprovalRequests.Add(request);
            return request.Id;
        }
    }
}
