namespace ChildrenServices.Application.Behaviours;

internal static class MessageNames
{
    /// <summary>"CreatePerson" for CreatePerson.Command: the use case, which is what logs and audit rows name.</summary>
    public static string Of(Type messageType) => messageType.DeclaringType?.Name ?? messageType.Name;
}
