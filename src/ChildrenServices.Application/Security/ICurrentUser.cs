namespace ChildrenServices.Application.Security;

public interface ICurrentUser
{
    Guid? UserId { get; }

    string? DisplayName { get; }

    bool IsAuthenticated { get; }

    IReadOnlyCollection<string> Roles { get; }

    string? CorrelationId { get; }

    bool HasPermission(Permission permission) => RolePermissions.Grants(Roles, permission);

    bool IsInRole(string role) => Roles.Contains(role);

    Guid RequireUserId() => UserId ?? throw new ForbiddenException("Sign in to continue");
}
