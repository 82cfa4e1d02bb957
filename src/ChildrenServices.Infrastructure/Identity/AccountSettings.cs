namespace ChildrenServices.Infrastructure.Identity;

/// <summary>How accounts and sessions behave, set by the council ("Accounts" in the settings; docs/security.md).</summary>
public sealed class AccountSettings
{
    public const string Section = "Accounts";

    /// <summary>How long a password an administrator sets works before its holder must have chosen their own.</summary>
    public int TemporaryPasswordHours { get; set; } = 72;

    /// <summary>
    /// Whether a local account must set up an authenticator app before it can do anything else. On unless the
    /// council turns it off (the demo does, so its sign-ins work at once; single sign-on brings its own).
    /// </summary>
    public bool RequireMfa { get; set; } = true;

    /// <summary>A session with no request for this long is ended on the server.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>How long before the idle timeout the page warns, and offers to stay signed in.</summary>
    public int IdleWarningMinutes { get; set; } = 2;

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    public int AbsoluteLifetimeHours { get; set; } = 10;

    /// <summary>Wrong passwords from a browser that has signed in to the account before, before that browser is locked out.</summary>
    public int LockoutFailures { get; set; } = 5;

    /// <summary>Wrong passwords from any other client, before clients the account has never used are locked out.</summary>
    public int UntrustedLockoutFailures { get; set; } = 10;

    /// <summary>How long failures are counted over, and a lockout lasts.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in and code attempts (posts) from one client address in <see cref="SignInWindowMinutes"/>.</summary>
    public int SignInAttemptsPerAddress { get; set; } = 30;

    public int SignInWindowMinutes { get; set; } = 10;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(Math.Max(IdleTimeoutMinutes, 1));

    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(Math.Max(AbsoluteLifetimeHours, 1));

    public TimeSpan TemporaryPasswordLifetime => TimeSpan.FromHours(Math.Max(TemporaryPasswordHours, 1));
}
