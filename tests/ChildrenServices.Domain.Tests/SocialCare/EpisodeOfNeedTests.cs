using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;

namespace ChildrenServices.Domain.Tests.SocialCare;

/// <summary>An episode of need is opened and closed properly: the CIN census rules each one protects.</summary>
public sealed class EpisodeOfNeedTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Guid Child = Guid.CreateVersion7();
    private static readonly Guid Team = Guid.CreateVersion7();
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static Referral Referral() => new(Child, null, Today.AddDays(-30), "6", "N1", Team, false, null, Calendar);

    [Fact]
    public void Rule8868_Closure_WhileASection47EnquiryIsOpen_IsRefused_AndTheReferralStaysOpen()
    {
        var referral = Referral();
        var childCase = new ChildCase(Child, [], referral, new OpenOnCase(Section47Enquiry: true));

        var ex = Assert.Throws<DomainRuleException>(() => childCase.Close("RC7", Today));

        Assert.Equal(("The section 47 enquiry is still open: record its outcome (and its conference) before the case closes", "ReasonCode"), (ex.Message, ex.Field));
        Assert.Equal(ReferralStatus.Open, referral.Status);
        Assert.Null(referral.ClosedOn);
    }

    [Fact]
    public void Rule8868_Closure_OnceTheEnquiryIsConcluded_ClosesTheReferral()
    {
        var referral = Referral();
        var childCase = new ChildCase(Child, [], referral, new OpenOnCase(Section47Enquiry: false));

        childCase.Close("RC7", Today);

        Assert.Equal(ReferralStatus.Closed, referral.Status);
        Assert.Equal(Today, referral.ClosedOn);
    }

    [Fact]
    public void Rule8565_AStrategyDiscussion_OnAClosedReferral_IsRefused()
    {
        var referral = Referral();
        referral.Close(Today.AddDays(-2), "RC7");

        var ex = Assert.Throws<DomainRuleException>(() =>
            new ChildProtectionEnquiry(referral, Today.AddDays(-1), "Police, school", true, "Disclosure at school.", Calendar, Today));

        Assert.Equal(("The referral is closed, so no strategy discussion or enquiry can be recorded on it", "HeldOn"), (ex.Message, ex.Field));
    }

    [Fact]
    public void Rule8565_AStrategyDiscussion_OnAWithdrawnReferral_IsRefused_AndOnAnOpenOne_IsRecorded()
    {
        var withdrawn = Referral();
        withdrawn.Withdraw("Front-door decision corrected");
        Assert.Throws<DomainRuleException>(() =>
            new ChildProtectionEnquiry(withdrawn, Today.AddDays(-1), "Police, school", true, "Disclosure at school.", Calendar, Today));

        var open = Referral();
        var enquiry = new ChildProtectionEnquiry(open, Today.AddDays(-1), "Police, school", true, "Disclosure at school.", Calendar, Today);

        Assert.Equal(open.Id, enquiry.ReferralId);
    }

    [Fact]
    public void Rule8565_AChildInNeedPlan_OnAClosedReferral_IsRefused()
    {
        var referral = Referral();
        referral.Close(Today.AddDays(-2), "RC7");

        var ex = Assert.Throws<DomainRuleException>(() => new ChildInNeedPlan(referral, Today, Today));

        Assert.Equal("StartedOn", ex.Field);
    }
}
