using System.Globalization;
using System.Text.RegularExpressions;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>
/// MASH checks are due within hours, not days, so their forms take a time of day as well as a date.
/// Practitioners type times as they say them ("14:05", "2.30pm", "0930"); all are read as UK local time.
/// </summary>
public static partial class MashCheckTimes
{
    /// <summary>An outstanding check due within this time is "due soon" (yellow) rather than on track.</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromHours(1);

    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = TimePattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var suffix = match.Groups["ampm"].Value.ToLowerInvariant();
        if (suffix.Length > 0)
        {
            if (hours is < 1 or > 12)
            {
                return false;
            }

            hours = (hours % 12) + (suffix.StartsWith('p') ? 12 : 0);
        }
        else if (!match.Groups["m"].Success)
        {
            // "14" alone is ambiguous enough to ask again; "2pm" is not.
            return false;
        }

        if (hours > 23 || minutes > 59)
        {
            return false;
        }

        time = new TimeOnly(hours, minutes);
        return true;
    }

    /// <summary>A UK local date and typed time as UTC, or null when either is missing or not a real time.</summary>
    public static DateTime? ToUtc(DateOnly? date, string? time) =>
        date is { } d && TryParseTime(time, out var t) ? UkTime.ToUtc(d.ToDateTime(t)) : null;

    public static bool IsDueSoon(DateTime dueAtUtc, DateTime nowUtc) => dueAtUtc >= nowUtc && dueAtUtc - nowUtc <= DueSoonWindow;

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:\s*[:.]?\s*(?<m>\d{2}))?\s*(?<ampm>[ap]\.?m\.?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();
}
