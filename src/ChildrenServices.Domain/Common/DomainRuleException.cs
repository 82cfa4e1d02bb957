namespace ChildrenServices.Domain.Common;

/// <summary>
/// A business rule refused a change. The message is written for the practitioner
/// ("The date of death cannot be before the date of birth"); <see cref="Field"/> names the
/// input it belongs to, so the page can show it beside that field.
/// </summary>
public sealed class DomainRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
