namespace ChildrenServices.Infrastructure.Security;

/// <summary>
/// One sign-in throttle count (<see cref="Identity.SignInThrottle"/>): the failures for an account (by the hash of the email
/// typed) from one trusted browser, or from every untrusted client, since the first in the window, and until when they
/// are locked out. In the database, so every server of a council counts together and a restart forgets nothing.
/// Standalone (<see cref="ChildrenServices.Domain.Common.IStandaloneRecord"/>): infrastructure, changed by single statements.
/// </summary>
public sealed class SignInFailureCount : ChildrenServices.Domain.Common.IStandaloneRecord
{
    /// <summary>The email's hash (32), a bar, and the device id or "untrusted".</summary>
    public const int KeyLength = 100;

    private SignInFailureCount()
    {
    }

    public SignInFailureCount(string key, DateTime firstFailureUtc, DateTime lockedUntilUtc)
    {
        Key = key;
        Count = 1;
        FirstFailureUtc = firstFailureUtc;
        LockedUntilUtc = lockedUntilUtc;
    }

    public string Key { get; private set; } = string.Empty;

    public int Count { get; private set; }

    public DateTime FirstFailureUtc { get; private set; }

    public DateTime LockedUntilUtc { get; private set; }
}
