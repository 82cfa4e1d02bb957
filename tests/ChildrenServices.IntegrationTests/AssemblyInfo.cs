using ChildrenServices.IntegrationTests.Infrastructure;
using Xunit.Sdk;
using Xunit.v3;

// One web host (and one SQLite file) for the whole assembly, started once.
[assembly: AssemblyFixture(typeof(AppFactory))]

// Every test resets and then uses the one shared database, so tests take turns.
// (xunit v3.4's replacement for CollectionBehavior(DisableTestParallelization = true), now obsolete.)
[assembly: Parallelization(Mode = ParallelMode.None)]
