using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using Xunit;

namespace ChildrenServices.Domain.Tests.Allocations;

public class AllocationTests
{
    private static readonly DateOnly Started = new(2026, 11, 2);

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void End_OnOrAfterTheStart_EndsIt(int daysLater)
    {
        var allocation = NewAllocation();

        allocation.End(Started.AddDays(daysLater));

        Assert.False(allocation.IsActive);
        Assert.Equal(Started.AddDays(daysLater), allocation.EndedOn);
    }

    [Fact]
    public void End_BeforeTheStart_RefusedAndStillActive()
    {
        var allocation = NewAllocation();

        var ex = Assert.Throws<DomainRuleException>(() => allocation.End(Started.AddDays(-1)));

        Assert.Equal("EndedOn", ex.Field);
        Assert.True(allocation.IsActive);
    }

    private static Allocation NewAllocation() =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), AllocationRole.Lead, Started, Guid.CreateVersion7());
}
