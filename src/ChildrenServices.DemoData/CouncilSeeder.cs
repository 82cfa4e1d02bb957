using ChildrenServices.Application.People;
using ChildrenServices.Domain.People;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.DemoData;

/// <summary>
/// The synthetic council generator (`seed --children N --years Y`): the demo's users and teams topped up to a council's
/// establishment (<see cref="CouncilWorkforce"/>), then families until there are at least N children, each with its
/// history over the last Y years built through the domain's rules (<see cref="CouncilHistory"/>), a thousand families
/// to a DbContext and a save so memory stays flat. Seeded random draws: the same N and Y make the same council.
/// </summary>
public sealed class CouncilSeeder(DemoDataSeeder demo, DemoActors actors, IServiceScopeFactory scopes, AppDbContext db, TimeProvider clock)
{
    public const int BatchSize = 1000;

    public async Task<CouncilCounts?> SeedAsync(int children, int years, DemoSeedTimings timings)
    {
        var staff = await demo.DemoStaffAsync();
        if (staff is null)
        {
            return null;
        }

        timings.Stage("Demo users and teams (CreateUser, SaveTeam)");
        var random = new Random(20261204);
        var workforce = await CouncilWorkforce.BuildAsync(db, demo, actors, staff, children, random);
        var counts = new CouncilCounts { Staff = workforce.Staff, Teams = await db.Teams.CountAsync() };
        timings.Stage($"Council staff and teams ({workforce.Staff} accounts, {counts.Teams} teams, {workforce.Places.Count} localities)");

        var today = Application.UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var family = 0;
        while (counts.Children < children)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var restrictions = new List<(Guid Child, Guid Manager)>();
            var inBatch = 0;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var batch = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                batch.ChangeTracker.AutoDetectChangesEnabled = false;
                for (; inBatch < BatchSize && counts.Children < children; inBatch++, family++)
                {
                    new CouncilHistory(batch, workforce, random, today, now, counts).Build(family, years, restrictions);
                }

                timings.Built(System.Diagnostics.Stopwatch.GetElapsedTime(started));
                batch.SaveChanges(acceptAllChangesOnSuccess: false);
            }

            // A record is restricted as a manager restricts it, once the child and their allocation exist.
            foreach (var (child, manager) in restrictions)
            {
                var version = await db.People.Where(p => p.Id == child).Select(p => p.Version).SingleAsync();
                await actors.SendAsync(manager, new RestrictRecord.Command
                {
                    PersonId = child, Version = version, Reason = RestrictionReason.HighProfile, AllowedUserIds = [manager],
                });
                counts.Restricted++;
            }

            timings.Batch(inBatch, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }

        counts.Families = family;
        timings.Stage($"{family:N0} families, {counts.Children:N0} children over {years} years ({BatchSize} families a batch)");

        // The query planner's statistics for the tables just filled, as the app gathers them at start-up.
        await DatabaseSetup.OptimiseAsync(db);
        timings.Stage("Statistics for the query planner (PRAGMA optimize)");
        return counts;
    }
}
