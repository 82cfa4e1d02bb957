using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Tests.Allocations;

public sealed class CaseTransferTests
{
    private static readonly Guid From = Guid.CreateVersion7();
    private static readonly Guid To = Guid.CreateVersion7();
    private static readonly Guid Child = Guid.CreateVersion7();
    private static readonly Guid Sender = Guid.CreateVersion7();
    private static readonly Guid Receiver = Guid.CreateVersion7();
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    private static CaseTransfer NewTransfer() => new(From, To, [Child, Child], "CIN plan agreed; next review 8 December.", Sender, Now);

    public static TheoryData<Guid, Guid[], string, string> RefusedTransfers() => new()
    {
        { From, [Child], "Handover.", "ToTeamId" },
        { To, [Child], " ", "HandoverNote" },
        { To, [], "Handover.", "ChildIds" },
    };

    [Theory]
    [MemberData(nameof(RefusedTransfers))]
    public void ATransfer_ToTheSameTeam_WithoutANote_OrWithoutChildren_IsRefused(Guid to, Guid[] children, string note, string field)
    {
        var ex = Assert.Throws<DomainRuleException>(() => new CaseTransfer(From, to, children, note, Sender, Now));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void ANewTransfer_IsPending_WithEachChildOnce()
    {
        var transfer = NewTransfer();

        Assert.Equal(TransferStatus.Pending, transfer.Status);
        Assert.Equal([Child], transfer.Children.Select(c => c.ChildId));
    }

    [Fact]
    public void OnlyAManagerOfTheReceivingTeam_Accepts_AndOnlyOnce()
    {
        var transfer = NewTransfer();
        Assert.Throws<DomainRuleException>(() => transfer.Accept(Guid.CreateVersion7(), Receiver, managesReceivingTeam: false, Now));

        transfer.Accept(Guid.CreateVersion7(), Receiver, managesReceivingTeam: true, Now);

        Assert.Equal((TransferStatus.Accepted, Receiver), (transfer.Status, transfer.DecidedById));
        var again = Assert.Throws<DomainRuleException>(() => transfer.Decline("Changed my mind.", Receiver, managesReceivingTeam: true, Now));
        Assert.Equal("This transfer has already been accepted or declined", again.Message);
    }

    [Fact]
    public void ADecline_NeedsAReason()
    {
        var transfer = NewTransfer();

        Assert.Throws<DomainRuleException>(() => transfer.Decline("  ", Receiver, managesReceivingTeam: true, Now));
        transfer.Decline(" Not authorised yet. ", Receiver, managesReceivingTeam: true, Now);

        Assert.Equal((TransferStatus.Declined, "Not authorised yet."), (transfer.Status, transfer.DeclineReason));
    }
}
