using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Infrastructure.Security;

/// <summary>
/// One signed-in session on the server. The sign-in cookie carries only its id as a claim; a cookie
/// whose session has ended (signed out, idle, past its lifetime, ended by its user or an administrator) is refused
/// on its next request, even if copied elsewhere.
/// Standalone (<see cref="ChildrenServices.Domain.Common.IStandaloneRecord"/>): infrastructure, one per sign-in, written by that session only
/// (and ended in bulk when the account's password, roles or state change).
/// </summary>
public sealed class SignInSession : ChildrenServices.Domain.Common.IStandaloneRecord
{
    public const int ClientLength = 200;
    public const int AddressLength = 64;
    public const int EndReasonLength = 40;

    private SignInSession()
    {
    }

    /// <summary>The longest provider session id or subject kept (longer ones are not kept, so cannot be matched).</summary>
    public const int ProviderIdLength = 200;

    public SignInSession(Guid userId, DateTime startedAtUtc, string? client = null, string? address = null, string? providerSessionId = null, string? providerSubject = null)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        StartedAtUtc = startedAtUtc;
        LastSeenAtUtc = startedAtUtc;
        Client = client is null ? null : client[..Math.Min(client.Length, ClientLength)];
        Address = address is null ? null : address[..Math.Min(address.Length, AddressLength)];
        ProviderSessionId = providerSessionId is { Length: > 0 and <= ProviderIdLength } ? providerSessionId : null;
        ProviderSubject = providerSubject is { Length: > 0 and <= ProviderIdLength } ? providerSubject : null;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime StartedAtUtc { get; private set; }

    /// <summary>The last request, to the minute (written at most once a minute): what the idle timeout counts from.</summary>
    public DateTime LastSeenAtUtc { get; private set; }

    /// <summary>The browser's own description of itself (user agent), so its user can tell their sessions apart.</summary>
    public string? Client { get; private set; }

    /// <summary>The client address at sign-in (after trusted proxies).</summary>
    public string? Address { get; private set; }

    /// <summary>
    /// For a single sign-on: the provider's own session id (the ID token's <c>sid</c>) and the person's subject there
    /// (<c>sub</c>), so the provider's back-channel logout can end this session (docs/security.md).
    /// </summary>
    public string? ProviderSessionId { get; private set; }

    public string? ProviderSubject { get; private set; }

    public DateTime? EndedAtUtc { get; private set; }

    /// <summary>Why it ended: <see cref="Application.Users.SessionEnd"/>.</summary>
    public string? EndReason { get; private set; }
}

/// <summary>Ending sessions in one statement, with the reason kept on each.</summary>
public static class SignInSessionQueries
{
    public static Task<int> EndAsync(this IQueryable<SignInSession> sessions, DateTime now, string reason, CancellationToken ct = default) =>
        sessions.Where(s => s.EndedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAtUtc, now).SetProperty(x => x.EndReason, reason), ct);
}

/// <summary>
/// A single sign-on provider's logout token already acted on, by its <c>jti</c>, kept until the token would be refused as
/// too old anyway: the same token posted again is refused rather than ending sessions begun since. Standalone: written
/// once by the back-channel logout endpoint.
/// </summary>
public sealed class UsedLogoutToken : ChildrenServices.Domain.Common.IStandaloneRecord
{
    public const int JtiLength = 200;

    private UsedLogoutToken()
    {
    }

    public UsedLogoutToken(string jti, DateTime keptUntilUtc)
    {
        Jti = jti;
        KeptUntilUtc = keptUntilUtc;
    }

    public string Jti { get; private set; } = string.Empty;

    public DateTime KeptUntilUtc { get; private set; }
}
