namespace ChildrenServices.TestSupport;

/// <summary>
/// Lets one of the heavy test projects (the integration tests, the browser journeys) run its tests at a time on
/// this machine. `dotnet test` starts every test project at once, and on two cores the two contend: measured,
/// the whole suite took 354 s with both at once and 326 s one after the other (`--max-parallel-test-modules 1`,
/// an option of the command line only), since each alone already keeps both cores busy (ADR 0026). Each project
/// holds an exclusive lock on one file in the temp folder while its tests run; the other waits for it. The
/// lock is the operating system's (flock on Linux and macOS), so a test process that dies releases it.
/// </summary>
internal static class OneTestProjectAtATime
{
    private static readonly string LockPath = Path.Combine(Path.GetTempPath(), "childrenservices-test-projects.lock");

    /// <summary>Waits until no other test project of this repository's runs here, then holds the turn until disposed.</summary>
    public static async Task<IDisposable> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another test project holds the turn: it finishes in a minute or a few.
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }
}

/// <summary>An assembly fixture that holds this test project's turn (<see cref="OneTestProjectAtATime"/>) from before its first test to after its last.</summary>
public sealed class TestProjectTurn : IAsyncLifetime
{
    private IDisposable? turn;

    public async ValueTask InitializeAsync() => turn = await OneTestProjectAtATime.WaitForTurnAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        turn?.Dispose();
        return ValueTask.CompletedTask;
    }
}
