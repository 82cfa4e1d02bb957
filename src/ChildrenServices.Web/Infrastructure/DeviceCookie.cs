using System.Text.Json;
using ChildrenServices.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// The browser's proof that an account has signed in from it before (OWASP's device cookie; ADR 0039): an encrypted
/// list of the accounts (as hashes) that have signed in here, and the browser's own id. A browser holding it for the
/// account typed is counted on its own by <see cref="SignInThrottle"/>, so someone else's wrong guesses cannot lock it out.
/// </summary>
public static class DeviceCookie
{
    public const string BaseName = "childrenservices.device";
    private const string Purpose = "ChildrenServices.DeviceCookie.v1";
    private const int MostAccounts = 10;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    /// <summary>The browser's device id if its cookie names this email; otherwise null (an untrusted client).</summary>
    public static string? DeviceFor(HttpContext http, string email) =>
        Read(http) is { } device && device.Accounts.Contains(SignInThrottle.Hash(email)) ? device.Id : null;

    /// <summary>After a full sign-in (password, and code if asked): the browser is trusted for this account from now on.</summary>
    public static void Remember(HttpContext http, string email)
    {
        var device = Read(http) ?? new Device(Guid.NewGuid().ToString("N"), []);
        var hash = SignInThrottle.Hash(email);
        var accounts = device.Accounts.Where(a => a != hash).Prepend(hash).Take(MostAccounts).ToList();
        var value = Protector(http).Protect(JsonSerializer.Serialize(device with { Accounts = accounts }));
        var transport = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<TransportSettings>>().Value;
        http.Response.Cookies.Append(NameFor(transport), value, new CookieOptions
        {
            HttpOnly = true,
            Secure = transport.RequireHttps || http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Expires = DateTimeOffset.UtcNow + Lifetime,
            IsEssential = true,
        });
    }

    private static Device? Read(HttpContext http)
    {
        var transport = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<TransportSettings>>().Value;
        if (!http.Request.Cookies.TryGetValue(NameFor(transport), out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Device>(Protector(http).Unprotect(value));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            // Tampered with, or from keys this server no longer has: an untrusted client.
            return null;
        }
    }

    public static string NameFor(TransportSettings transport) => transport.CookiePrefix + BaseName;

    private static IDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private sealed record Device(string Id, List<string> Accounts);
}
