using ChildrenServices.Domain.Drafts;

namespace ChildrenServices.Application.Drafts;

/// <summary>
/// Which draft: the form (the page's path), what it is about, and what governs access to it — the child,
/// the contact, the early help episode or the approval request. A draft is readable only while the author
/// may still see everyone the scope is about (ADR 0010).
/// </summary>
public sealed record DraftKey(string Form, Guid SubjectId, DraftScope Scope, Guid ScopeId);
