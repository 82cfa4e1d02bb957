namespace ChildrenServices.Application;

/// <summary>
/// Marks the steps of a use case that must never query the database synchronously: a validator's
/// <c>Must</c> or <c>When</c> that calls <c>Any</c> or <c>Count</c> on a query blocks a request thread on
/// the database (use <c>MustAsync</c>, <c>WhenAsync</c>, <c>CustomAsync</c>). The persistence layer, where
/// configured to (<c>Database:RefuseSynchronousQueries</c>, on in Development and Testing), refuses a
/// synchronous command inside a marked step with <see cref="SynchronousQueryException"/>.
/// </summary>
public static class SynchronousQueryGuard
{
    private static readonly AsyncLocal<string?> Step = new();

    /// <summary>The marked step running on this flow, or null.</summary>
    public static string? CurrentStep => Step.Value;

    /// <summary>Marks the code until the result is disposed (in the same method) as <paramref name="step"/>.</summary>
    public static IDisposable Enter(string step)
    {
        var previous = Step.Value;
        Step.Value = step;
        return new Exit(previous);
    }

    private sealed class Exit(string? previous) : IDisposable
    {
        public void Dispose() => Step.Value = previous;
    }
}

/// <summary>A synchronous database command ran inside a step marked by <see cref="SynchronousQueryGuard"/>.</summary>
public sealed class SynchronousQueryException(string step, string commandText)
    : InvalidOperationException($"{step} queried the database synchronously; use the async form (MustAsync, WhenAsync, CustomAsync). The command was: {commandText}");
