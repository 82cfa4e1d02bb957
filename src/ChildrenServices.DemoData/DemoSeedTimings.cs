using System.Diagnostics;

namespace ChildrenServices.DemoData;

/// <summary>What the seed-demo benchmark prints: the time each stage took and each batch of families.</summary>
public sealed class DemoSeedTimings
{
    private readonly long started = Stopwatch.GetTimestamp();
    private long stageStarted = Stopwatch.GetTimestamp();

    public List<(string Stage, TimeSpan Elapsed)> Stages { get; } = [];

    public List<(int Families, TimeSpan Elapsed)> Batches { get; } = [];

    public TimeSpan Total => Stopwatch.GetElapsedTime(started);

    public void Stage(string name)
    {
        Stages.Add((name, Stopwatch.GetElapsedTime(stageStarted)));
        stageStarted = Stopwatch.GetTimestamp();
    }

    /// <summary>Of each batch, the time spent building the entities (the rest is saving them).</summary>
    public List<TimeSpan> Building { get; } = [];

    public void Batch(int families, TimeSpan elapsed) => Batches.Add((families, elapsed));

    public void Built(TimeSpan elapsed) => Building.Add(elapsed);
}
