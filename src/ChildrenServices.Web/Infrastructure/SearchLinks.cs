using System.Security.Cryptography;
using System.Text.Json;
using ChildrenServices.Application.People;
using Microsoft.AspNetCore.DataProtection;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// A search as an opaque, encrypted token for its address (issue 15): the name, date of birth or NHS number searched for
/// never appears in a URL, so not in browser history, proxy logs or the request log, while the results page can still
/// be bookmarked for the day, paged and reached with the back button. A token works for 8 hours.
/// </summary>
public sealed class SearchLinks(IDataProtectionProvider protection)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("ChildrenServices.Search.v1").ToTimeLimitedDataProtector();

    public string Protect(SearchPeople.Query query) =>
        protector.Protect(JsonSerializer.Serialize(new Criteria(query.Name, query.DateOfBirth, query.Identifier)), Lifetime);

    /// <summary>The search the token holds, or null when it has expired or is not one of ours.</summary>
    public SearchPeople.Query? Unprotect(string token)
    {
        try
        {
            var criteria = JsonSerializer.Deserialize<Criteria>(protector.Unprotect(token));
            return criteria is null ? null : new SearchPeople.Query { Name = criteria.Name, DateOfBirth = criteria.DateOfBirth, Identifier = criteria.Identifier };
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A name typed into a smaller search (a contact's people, a relationship's other person), as a token.</summary>
    public string ProtectName(string name) => Protect(new SearchPeople.Query { Name = name });

    /// <summary>The name a token holds, or null.</summary>
    public string? UnprotectName(string? token) => string.IsNullOrEmpty(token) ? null : Unprotect(token)?.Name;

    private sealed record Criteria(string? Name, DateOnly? DateOfBirth, string? Identifier);
}
