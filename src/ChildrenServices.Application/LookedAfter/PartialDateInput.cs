using System.Globalization;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>A date typed in three boxes where any part may be left blank because it is not known (SSDA903 DATE_PERM).</summary>
public sealed record PartialDateInput
{
    public string? Day { get; init; }

    public string? Month { get; init; }

    public string? Year { get; init; }

    /// <summary>One part as a number, or none when blank; a part that is not a number is refused beside the date.</summary>
    internal int? Part(Func<PartialDateInput, string?> part, string name)
    {
        var text = part(this)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainRuleException($"The {name} of the order must be a number", "PermanenceOrder");
    }
}
