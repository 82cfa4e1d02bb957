namespace ChildrenServices.Domain.Common;

/// <summary>
/// A part of an aggregate (a person's name, a plan's visit, a case's allocation). A change to a part is a
/// change to its root: the persistence layer moves the root's <see cref="Aggregate.Version"/>, so a second
/// writer editing the same aggregate through another part is refused. Every non-root entity declares its root.
/// </summary>
public interface IPartOf
{
    /// <summary>The id of the aggregate root this part belongs to.</summary>
    Guid RootId { get; }
}

/// <summary>A part of an aggregate whose root is <typeparamref name="TRoot"/>.</summary>
public interface IPartOf<TRoot> : IPartOf
    where TRoot : Aggregate;
