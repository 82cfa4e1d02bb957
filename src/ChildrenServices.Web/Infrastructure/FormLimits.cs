namespace ChildrenServices.Web.Infrastructure;

/// <summary>How much one form field may carry before the request is refused unread.</summary>
public static class FormLimits
{
    /// <summary>
    /// Five times the longest text any field accepts (a case note, <see cref="Domain.Recording.CaseNote.TextLimit"/>),
    /// so a practitioner who pastes too much is told by the field's own rule and keeps the text.
    /// </summary>
    public const int ValueLength = 5 * Domain.Recording.CaseNote.TextLimit;
}
