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
}
