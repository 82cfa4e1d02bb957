namespace ChildrenServices.Infrastructure.Security;

/// <summary>
/// One signed-in session on the server. The sign-in cookie carries only its id as a claim; a cookie
/// whose session has ended (signed out) is refused on its next request, even if copied elsewhere.
/// Standalone (<see cref="ChildrenServices.Domain.Common.IStandaloneRecord"/>): infrastructure, one per sign-in, written by that session only.
/// </summary>
public sealed class SignInSession : ChildrenServices.Domain.Common.IStandaloneRecord
{
    private SignInSession()
    {
    }

    public SignInSession(Guid userId, DateTime startedAtUtc)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        StartedAtUtc = startedAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime StartedAtUtc { get; private set; }

    public DateTime? EndedAtUtc { get; private set; }
}
