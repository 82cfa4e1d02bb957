using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Tests.Allocations;

/// <summary>
/// Each lead allocation is a social worker episode (SSDA903 SWEpisodes) and carries why it began (SW_REASON, rules
/// SW13STG1 and SW15STG2): first contact by default, the manager's reason when a lead is replaced, a transfer's own.
/// </summary>
public sealed class LeadReasonTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly Guid Child = Guid.CreateVersion7();
    private static readonly Guid Team = Guid.CreateVersion7();
    private static readonly Guid Manager = Guid.CreateVersion7();

    [Fact]
    public void RuleSW15STG2_TheFirstLead_IsFirstContact_AndACoWorkerHasNoReason()
    {
        var childCase = new ChildCase(Child, [], null, new OpenOnCase());

        var lead = childCase.Allocate(Guid.CreateVersion7(), Team, AllocationRole.Lead, Today, Manager);
        var coWorker = childCase.Allocate(Guid.CreateVersion7(), Team, AllocationRole.CoWorker, Today, Manager, "MANAGE");

        Assert.Equal(("FCONTA", (string?)null), (lead.LeadReason, coWorker.LeadReason));
    }

    [Fact]
    public void RuleSW13STG1_ReplacingALead_NeedsAValidReason_NotFirstContactNorTransfer_AndTheOldLeadStaysUntilOneIsGiven()
    {
        var first = new Allocation(Child, Guid.CreateVersion7(), Team, AllocationRole.Lead, Today.AddDays(-30), Manager, "FCONTA");
        var childCase = new ChildCase(Child, [first], null, new OpenOnCase());
        var next = Guid.CreateVersion7();

        foreach (var (reason, message) in new (string?, string)[]
        {
            (null, "Select why the lead worker is changing"),
            ("ZZZZZZ", "Select a reason for the change of lead worker from the list"),
            ("FCONTA", "The child already has a lead worker, so this is not a first contact: select why the lead worker is changing"),
            ("TSPROC", "A transfer between teams records its own reason: select why the lead worker is changing within the team"),
        })
        {
            var ex = Assert.Throws<DomainRuleException>(() => childCase.Allocate(next, Team, AllocationRole.Lead, Today, Manager, reason));
            Assert.Equal(("LeadReason", message), (ex.Field, ex.Message));
        }

        Assert.Null(first.EndedOn);
        var second = childCase.Allocate(next, Team, AllocationRole.Lead, Today, Manager, "absenc");
        Assert.Equal(("ABSENC", (DateOnly?)Today.AddDays(-1)), (second.LeadReason, first.EndedOn));
    }

    [Fact]
    public void ALeadFromAnAcceptedTransfer_IsTheStandardProcess()
    {
        var sending = Guid.CreateVersion7();
        var first = new Allocation(Child, Guid.CreateVersion7(), sending, AllocationRole.Lead, Today.AddDays(-30), Manager, "FCONTA");
        var childCase = new ChildCase(Child, [first], null, new OpenOnCase(PendingTransfer: true));

        var received = childCase.AcceptTransfer(sending, Team, Guid.CreateVersion7(), Today, Manager);

        Assert.Equal("TSPROC", received!.LeadReason);
    }

    [Fact]
    public void RulesSW08AndSW09_ALeadsStartCorrected_MovesTheHandoverFromThePreviousLead_AndNeverOverlapsOrEmptiesIt()
    {
        var first = new Allocation(Child, Guid.CreateVersion7(), Team, AllocationRole.Lead, Today.AddDays(-60), Manager, "FCONTA");
        var childCase = new ChildCase(Child, [first], null, new OpenOnCase());
        var second = childCase.Allocate(Guid.CreateVersion7(), Team, AllocationRole.Lead, Today.AddDays(-10), Manager, "LEFTRL");
        Assert.Equal(Today.AddDays(-11), first.EndedOn);

        var beforeFirst = Assert.Throws<DomainRuleException>(() => second.CorrectStart(Today.AddDays(-60), first, Today));
        var future = Assert.Throws<DomainRuleException>(() => second.CorrectStart(Today.AddDays(1), first, Today));
        Assert.Equal(("HeldOn", "HeldOn", Today.AddDays(-10)), (beforeFirst.Field, future.Field, second.StartedOn));

        Assert.Equal(Today.AddDays(-10), second.CorrectStart(Today.AddDays(-20), first, Today));
        Assert.Equal((Today.AddDays(-20), (DateOnly?)Today.AddDays(-21)), (second.StartedOn, first.EndedOn));

        var earlier = new Allocation(Child, Guid.CreateVersion7(), Team, AllocationRole.Lead, Today.AddDays(-200), Manager, "FCONTA");
        earlier.End(Today.AddDays(-150));
        var later = new Allocation(Child, Guid.CreateVersion7(), Team, AllocationRole.Lead, Today.AddDays(-100), Manager, "FCONTA");
        var overlap = Assert.Throws<DomainRuleException>(() => later.CorrectStart(Today.AddDays(-160), earlier, Today));
        Assert.Equal(("HeldOn", (DateOnly?)Today.AddDays(-150)), (overlap.Field, earlier.EndedOn));
    }
}
