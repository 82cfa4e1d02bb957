using ChildrenServices.TestSupport;

namespace ChildrenServices.IntegrationTests.Infrastructure;

/// <summary>While this project's tests run it holds the turn (ADR 0026): another test project asking for it waits.</summary>
public sealed class TestProjectTurnTests
{
    [Fact]
    public async Task AnotherProjectWaitsWhileThisOneRuns()
    {
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var waiting = OneTestProjectAtATime.WaitForTurnAsync(giveUp.Token);

        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted, "A second test project got the turn while this one held it.");

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
