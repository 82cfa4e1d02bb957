namespace ChildrenServices.Application.Users;

/// <summary>
/// Sign-in accounts (credentials, roles, sessions), kept by the identity store. Failures the user can
/// fix (a password too short, an email already used) come back as validation errors.
/// </summary>
public interface IUserAccounts
{
    Task<Guid> CreateAsync(string email, string password, IReadOnlyCollection<string> roles, CancellationToken ct);

    Task SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken ct);

    Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> RolesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct);

    Task<IReadOnlyList<Guid>> UsersInRolesAsync(IReadOnlyCollection<string> roles, CancellationToken ct);

    /// <summary>Ends every session the user has: their next request finds them signed out.</summary>
    Task EndSessionsAsync(Guid userId, CancellationToken ct);
}
