using System.Security.Claims;
using ChildrenServices.Application.Security;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// The signed-in user of this request. Background work and tests can act as a given user with
/// <see cref="Use"/>; otherwise it reads the request's principal.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string DisplayNameClaim = "display_name";

    private ClaimsPrincipal? principal;
    private string? correlationId;

    private ClaimsPrincipal? Principal => principal ?? accessor.HttpContext?.User;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? DisplayName => Principal?.FindFirstValue(DisplayNameClaim) ?? Principal?.Identity?.Name;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public IReadOnlyCollection<string> Roles =>
        Principal?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray() ?? [];

    public string? CorrelationId => correlationId ?? accessor.HttpContext?.TraceIdentifier;

    public void Use(ClaimsPrincipal user, string? correlation = null)
    {
        principal = user;
        correlationId = correlation;
    }
}
