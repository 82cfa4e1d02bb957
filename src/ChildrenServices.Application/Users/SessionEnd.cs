namespace ChildrenServices.Application.Users;

/// <summary>Why a session ended, as kept on it.</summary>
public static class SessionEnd
{
    public const string SignedOut = "signed out";
    public const string Idle = "idle timeout";
    public const string Lifetime = "lifetime reached";
    public const string EndedByUser = "ended by its user";
    public const string EndedByAdministrator = "ended by an administrator";
    public const string PasswordChanged = "password changed";
    public const string RolesChanged = "roles changed";
    public const string Disabled = "account disabled";
    public const string ProviderSignedOut = "signed out at the council's provider";
}
