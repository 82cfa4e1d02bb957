using ChildrenServices.IntegrationTests.Infrastructure;
using Xunit.v3;

// Every class deriving IntegrationTest has a host and SQLite file of its own (a class fixture), so test
// classes run side by side and tests within a class take turns. This assembly-wide factory is the one
// a class not deriving IntegrationTest gets when it asks for an AppFactory (the architecture and
// migration tests); being first to start, it also builds the migrated template the others copy.
[assembly: AssemblyFixture(typeof(AppFactory))]

// The integration tests and the browser journeys each keep both cores busy: they take turns (ADR 0026).
[assembly: AssemblyFixture(typeof(ChildrenServices.TestSupport.TestProjectTurn))]
