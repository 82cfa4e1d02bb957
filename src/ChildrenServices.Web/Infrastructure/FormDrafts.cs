using ChildrenServices.Domain.Drafts;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// Marks a long practitioner form that keeps a server-side draft as it is typed (ADR 0010). The page's
/// form carries <c>data-form-draft</c> (the URL of its Draft handler), /js/form-draft.js posts the form
/// there when typing pauses and as the page is left, and opening the page again restores the draft.
/// Sending the form deletes it. <see cref="FormPageModel"/> does all of this for a marked page.
/// </summary>
/// <param name="scope">What record access governs the draft; the route's <c>id</c> names it.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class KeepsDraftAttribute(DraftScope scope) : Attribute
{
    public DraftScope Scope { get; } = scope;

    /// <summary>The route value naming what the form is about, when it is not the scope's <c>id</c> (an action under a goal).</summary>
    public string Subject { get; init; } = "id";
}
