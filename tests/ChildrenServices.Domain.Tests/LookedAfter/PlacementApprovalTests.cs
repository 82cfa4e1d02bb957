using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.LookedAfter;
using static ChildrenServices.Domain.Tests.LookedAfter.CareFixtures;

namespace ChildrenServices.Domain.Tests.LookedAfter;

/// <summary>
/// A placement made before the carer's assessment (regulation 19) or full approval (regulation 24), which sets the
/// child's visits under regulation 28(3) and (4) until the worker records that it is complete.
/// </summary>
public sealed class PlacementApprovalTests
{
    private static DomainRuleException Refused(Action action) => Assert.Throws<DomainRuleException>(action);

    private static Placement WithParent(PlacementApproval approval) => new("P1", "PR0", "SN6 1AA", "Mother", false, approval: approval);

    private static Placement WithAunt(string type, PlacementApproval approval) => new(type, "PR1", "SN7 1AA", "Aunt", false, urn: FosteringService, approval: approval);

    [Fact]
    public void Regulation19_OnlyAPlacementWithParents_IsMadeBeforeTheParentsAssessment()
    {
        var ex = Refused(() => WithAunt("U3", PlacementApproval.ParentBeforeAssessment));

        Assert.Equal(("PlacementApproval", "Only a placement with parents (P1) can be made before the parent's assessment is complete (regulation 19)"), (ex.Field, ex.Message));
        Assert.Equal(PlacementApproval.ParentBeforeAssessment, WithParent(PlacementApproval.ParentBeforeAssessment).Approval);
    }

    [Theory]
    [InlineData("U4")]
    [InlineData("U6")]
    public void Regulation24_TemporaryApproval_IsOnlyForARelativeOrFriend(string type)
    {
        var ex = Refused(() => WithAunt(type, PlacementApproval.ConnectedPersonTemporary));

        Assert.Equal(("PlacementApproval", "Temporary approval (regulation 24) is for a foster placement with a relative or friend (U1 to U3)"), (ex.Field, ex.Message));
        Assert.Equal(PlacementApproval.ConnectedPersonTemporary, WithAunt("U3", PlacementApproval.ConnectedPersonTemporary).Approval);
    }

    [Fact]
    public void TheApprovalCompleted_EndsTheWeeklyVisits_NotBeforeThePlacement_NorInTheFuture_NorTwice()
    {
        var period = StartedWithSmith("V2");
        period.ChangePlacement(D(3, 2), WithAunt("U3", PlacementApproval.ConnectedPersonTemporary), sameCarer: false, Today, reasonForChange: "CARPL");
        var current = period.CurrentEpisode;

        var before = Refused(() => period.CompleteApproval(D(3, 1), Today));
        var future = Refused(() => period.CompleteApproval(Today.AddDays(1), Today));
        period.CompleteApproval(D(5, 20), Today);
        var twice = Refused(() => period.CompleteApproval(D(5, 21), Today));

        Assert.Equal("The date the assessment or approval was completed cannot be before the placement began, on 2 March 2026", before.Message);
        Assert.Equal("CompletedOn", future.Field);
        Assert.Equal("The child's placement was not made before an assessment or approval: there is nothing to complete", twice.Message);
        Assert.Equal((PlacementApproval.Approved, D(5, 20)), (current.Placement.Approval, current.ApprovalCompletedOn));
        Assert.Equal("U3", current.Placement.Type);
    }

    [Fact]
    public void TheApprovalAlone_IsNotAChangeOfPlacement()
    {
        var temporary = WithAunt("U3", PlacementApproval.ConnectedPersonTemporary);

        Assert.True(temporary.IsSamePlacementAs(WithAunt("U3", PlacementApproval.Approved)));
    }
}
