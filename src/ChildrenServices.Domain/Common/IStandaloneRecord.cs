namespace ChildrenServices.Domain.Common;

/// <summary>
/// An entity that is on purpose neither an aggregate nor a part of one: it has no concurrency version and
/// versions nothing when it changes. Each implementer says why in its summary: it is append-only (an audit
/// entry), has a single writer (a user's own draft, notification or sign-in session), or links two
/// aggregates without belonging to either (a relationship between two people). Every other entity is an
/// <see cref="Aggregate"/> or declares its root with <see cref="IPartOf{TRoot}"/>; an architecture test checks it.
/// </summary>
public interface IStandaloneRecord;
