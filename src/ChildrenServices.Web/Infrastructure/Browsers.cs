namespace ChildrenServices.Web.Infrastructure;

/// <summary>A user agent in words a colleague recognises ("Edge on Windows"), for the list of their sessions.</summary>
public static class Browsers
{
    public static string Describe(string? agent)
    {
        if (string.IsNullOrWhiteSpace(agent))
        {
            return "Not known";
        }

        string browser = agent switch
        {
            _ when agent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when agent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when agent.Contains("Chrome/", StringComparison.Ordinal) || agent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when agent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => "A browser",
        };
        string system = agent switch
        {
            _ when agent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when agent.Contains("iPhone", StringComparison.Ordinal) || agent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when agent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when agent.Contains("Mac OS X", StringComparison.Ordinal) => "macOS",
            _ when agent.Contains("CrOS", StringComparison.Ordinal) => "ChromeOS",
            _ when agent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => "an unknown system",
        };
        return $"{browser} on {system}";
    }
}
