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
