namespace ChildrenServices.Application.Security;

/// <summary>The permission a message needs. Checked by the authorisation behaviour before anything else runs.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPermissionAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}

/// <summary>Says, on purpose, that any signed-in user may send this message (their own home page, say).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnySignedInUserAttribute : Attribute;

/// <summary>
/// Says, on purpose, that anyone — signed in or not — may send this message. Only the public online
/// request uses it; such a message must never return anything about a child.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowPublicAttribute : Attribute;
