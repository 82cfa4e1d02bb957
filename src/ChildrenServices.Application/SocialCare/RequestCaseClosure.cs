using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The social worker asks their manager to close the case with a DfE reason for closure.</summary>
public static class RequestCaseClosure
{
    /// <summary>Reasons a worker may give; RC9 (referred to early help) comes only through a step-down.</summary>
    public static readonly string[] Allowed = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8"];

    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public string? ReasonCode { get; init; }

        public string? Reasons { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ReasonCode).NotEmpty().WithMessage("Select the reason for closure");
            RuleFor(c => c.ReasonCode).Must(code => Allowed.Contains(code))
                .When(c => !string.IsNullOrEmpty(c.ReasonCode)).WithMessage("Select a reason for closure from the list");
            RuleFor(c => c.Reasons).NotEmpty().WithMessage("Summarise why the case can close")
                .MaximumLength(10_000).WithMessage("The summary must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var childCase = await ChildCases.LoadAsync(db, command.PersonId, cancellationToken);
            childCase.EnsureCanRequestClosure(command.ReasonCode!);
            var referral = childCase.OpenReferral!;
            var request = ApprovalRequest.CaseClosure(referral.TeamId, command.PersonId, command.ReasonCode!,
                $"{command.ReasonCode} {DfeCodes.ReasonForClosure.DescriptionOf(command.ReasonCode!)}. {command.Reasons!.Trim()}", user.RequireUserId(), clock.GetUtcNow().UtcDateTime);
            db.ApprovalRequests.Add(request);
            return request.Id;
        }
    }
}
