using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Approvals;

/// <summary>What every manager's decision carries: the request, the version the manager read, the decision and its rationale.</summary>
public interface IApprovalDecision : IVersioned
{
    Guid RequestId { get; }

    bool? Approve { get; }

    string? Rationale { get; }
}

/// <summary>The rules every decision shares: a decision, and a written rationale.</summary>
public sealed class ApprovalDecisionValidator<T> : AbstractValidator<T>
    where T : IApprovalDecision
{
    public ApprovalDecisionValidator()
    {
        RuleFor(c => c.Approve).NotNull().WithMessage("Select whether you approve the request");
        RuleFor(c => c.Rationale).NotEmpty().WithMessage("Write the rationale for your decision")
            .MaximumLength(10_000).WithMessage("The rationale must be 10,000 characters or fewer");
    }
}

/// <summary>Loads the request a decision is about and records the manager's decision on it.</summary>
internal static class ApprovalDecision
{
    /// <summary>
    /// The request, if it is of this kind and the manager may see every child on it (otherwise not found), at the
    /// version the manager read; decided by them if they manage its team and did not ask for it themselves.
    /// </summary>
    public static async Task<ApprovalRequest> DecideAsync(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock, IApprovalDecision decision, ApprovalKind kind, CancellationToken ct)
    {
        var request = await db.ApprovalRequests.Include(a => a.Children).SingleOrDefaultAsync(a => a.Id == decision.RequestId && a.Kind == kind, ct)
            ?? throw new NotFoundException("Page not found");
        // Every child visible, in one statement rather than one per child.
        if (await access.FirstHiddenAsync(request.Children.Select(c => c.ChildId).ToList(), ct) is not null)
        {
            throw new NotFoundException("Page not found");
        }

        db.ExpectVersion(request, decision.Version);
        var me = user.RequireUserId();
        var manages = await db.Teams.AnyAsync(t => t.Id == request.TeamId && t.ManagerId == me, ct);
        request.Decide(decision.Approve!.Value, decision.Rationale!, me, manages, clock.GetUtcNow().UtcDateTime);
        return request;
    }
}
