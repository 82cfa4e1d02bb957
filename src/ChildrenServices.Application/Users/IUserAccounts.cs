namespace ChildrenServices.Application.Users;

/// <summary>
/// Sign-in accounts (credentials, roles, sessions), kept by the identity store. Failures the user can
/// fix (a password too short, an email already used) come back as validation errors.
/// </summary>
public interface IUserAccounts
{
    /// <summary>
    /// A new account whose password is temporary: it expires after the council's set time and must be changed at
    /// the first sign-in. The password may not be common or breached, nor contain the name or the email.
    /// </summary>
    Task<Guid> CreateAsync(string email, string displayName, string temporaryPassword, IReadOnlyCollection<string> roles, CancellationToken ct);

    /// <summary>An administrator gives a colleague a new temporary password: their sessions end and any lockout is lifted.</summary>
    Task SetTemporaryPasswordAsync(Guid userId, string temporaryPassword, CancellationToken ct);

    Task SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken ct);

    Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> RolesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct);

    Task<IReadOnlyList<Guid>> UsersInRolesAsync(IReadOnlyCollection<string> roles, CancellationToken ct);

    /// <summary>Ends every session the user has, on the server: their next request finds them signed out.</summary>
    Task EndSessionsAsync(Guid userId, string reason, CancellationToken ct);

    /// <summary>Removes the account's authenticator app and recovery codes, and ends its sessions.</summary>
    Task ResetAuthenticatorAsync(Guid userId, CancellationToken ct);

    /// <summary>Whether the password is the account's own (re-authentication before a sensitive change).</summary>
    Task<bool> CheckPasswordAsync(Guid userId, string password, CancellationToken ct);

    /// <summary>The sessions the user has open now, the most recently used first.</summary>
    Task<IReadOnlyList<UserSession>> LiveSessionsAsync(Guid userId, CancellationToken ct);
}

/// <summary>A live sign-in session: when it began and was last used, from what browser and address.</summary>
public sealed record UserSession(Guid Id, DateTime StartedAtUtc, DateTime LastSeenAtUtc, string? Client, string? Address);
