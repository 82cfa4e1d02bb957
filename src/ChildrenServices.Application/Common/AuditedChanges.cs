namespace ChildrenServices.Application;

/// <summary>
/// An administrative change whose audit row keeps what changed, before and after (issue 15): users, roles, teams,
/// settings and timescales. Never casework: an audit row holds no child's details.
/// </summary>
public interface IAuditsChanges : IAudited;

/// <summary>One row changed by an administrative use case: the record, its key, added/changed/removed, and each value before and after.</summary>
public sealed record AuditedChange(string Record, string? Key, string Change, IReadOnlyDictionary<string, string?[]> Values);
