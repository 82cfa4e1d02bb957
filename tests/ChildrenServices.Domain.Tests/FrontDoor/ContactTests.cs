using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using Xunit;

namespace ChildrenServices.Domain.Tests.FrontDoor;

public sealed class ContactTests
{
    private static readonly DateTime Received = new(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc);
    private static readonly Guid Worker = Guid.NewGuid();

    private static Contact NewContact(ConsentToShare consent = ConsentToShare.Given, string? overrideReason = null) =>
        Contact.Record("FD-TEST-0001", ContactRoute.PhoneConsultation, Received, Received.AddDays(1),
            new Referrer("Mrs Okonjo", "School", "DSL", null, null, "2A"), new ContactAccount("Hungry at school", null, null, null),
            consent, overrideReason, ContactUrgency.Routine, Worker, Received.AddMinutes(10));

    private static Contact WithChild()
    {
        var contact = NewContact();
        contact.LinkPerson(Guid.NewGuid(), ContactPersonRole.Child);
        return contact;
    }

    [Fact]
    public void Record_InTheFuture_IsRefused() =>
        Assert.Throws<DomainRuleException>(() => Contact.Record("FD-TEST-0001", ContactRoute.Email, Received.AddHours(2), Received.AddDays(1),
            new Referrer("A", null, null, null, null, "8"), new ContactAccount("x", null, null, null), ConsentToShare.Given, null, ContactUrgency.Routine, Worker, Received));

    [Fact]
    public void Record_OverridingConsentWithoutAReason_IsRefused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => NewContact(ConsentToShare.Overridden));

        Assert.Equal("ConsentOverrideReason", ex.Field);
    }

    [Fact]
    public void Decide_WithoutAChild_IsRefused() =>
        Assert.Throws<DomainRuleException>(() => NewContact().Decide(new DecisionDetails(ContactOutcome.NoFurtherAction, "Nothing to do"), false, Worker, Received.AddHours(1)));

    [Fact]
    public void Decide_WithoutARationale_IsRefused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => WithChild().Decide(new DecisionDetails(ContactOutcome.NoFurtherAction, " "), false, Worker, Received.AddHours(1)));

        Assert.Equal("Rationale", ex.Field);
    }

    [Fact]
    public void Decide_AReferralWithoutCodesOrTeam_IsRefused()
    {
        var contact = WithChild();

        Assert.Throws<DomainRuleException>(() => contact.Decide(new DecisionDetails(ContactOutcome.Referral, "Threshold met", "2A", null, Guid.NewGuid()), false, Worker, Received));
        Assert.Throws<DomainRuleException>(() => contact.Decide(new DecisionDetails(ContactOutcome.Referral, "Threshold met", "2A", "N1"), false, Worker, Received));
    }

    [Fact]
    public void Decide_AdviceOnlyWithoutAConsultation_IsRefused() =>
        Assert.Throws<DomainRuleException>(() => WithChild().Decide(new DecisionDetails(ContactOutcome.AdviceOnly, "Advice given"), false, Worker, Received));

    [Fact]
    public void Decide_AfterTheDeadline_IsMarkedLate_AndTheContactCanNoLongerBeEdited()
    {
        var contact = WithChild();

        var decision = contact.Decide(new DecisionDetails(ContactOutcome.NoFurtherAction, "Already resolved"), false, Worker, Received.AddDays(1).AddMinutes(1));

        Assert.False(decision.WithinTimescale);
        Assert.True(decision.InForce);
        Assert.Equal(ContactStatus.Decided, contact.Status);
        Assert.Throws<DomainRuleException>(() => contact.LinkPerson(Guid.NewGuid(), ContactPersonRole.Adult));
        Assert.Throws<DomainRuleException>(() => contact.AssignTo(Guid.NewGuid()));
    }

    [Fact]
    public void Decide_AgainNeedsAReason_AndSupersedesTheEarlierDecisionWhichStaysOnRecord()
    {
        var contact = WithChild();
        var first = contact.Decide(new DecisionDetails(ContactOutcome.NoFurtherAction, "Resolved"), false, Worker, Received);

        Assert.Throws<DomainRuleException>(() => contact.Decide(new DecisionDetails(ContactOutcome.AdviceAndSignposting, "Signpost"), false, Worker, Received));
        var second = contact.Decide(new DecisionDetails(ContactOutcome.AdviceAndSignposting, "Signpost", CorrectionReason: "Mum asked for parenting support"), false, Worker, Received);

        Assert.Equal(2, contact.Decisions.Count);
        Assert.Equal(second.Id, first.SupersededById);
        Assert.Same(second, contact.DecisionInForce);
        Assert.Equal(first.Id, second.SupersedesId);
    }

    [Fact]
    public void SignOff_IsNeededBeforeADecisionIsInForce_AndNotByItsMaker()
    {
        var contact = WithChild();
        var manager = Guid.NewGuid();
        var decision = contact.Decide(new DecisionDetails(ContactOutcome.NoFurtherAction, "Resolved"), true, Worker, Received);

        Assert.False(decision.InForce);
        Assert.Equal(ContactStatus.AwaitingSignOff, contact.Status);
        Assert.Throws<DomainRuleException>(() => contact.Decide(new DecisionDetails(ContactOutcome.NoFurtherAction, "Again"), true, Worker, Received));
        Assert.Throws<DomainRuleException>(() => contact.SignOff(true, null, Worker, Received));
        Assert.Throws<DomainRuleException>(() => contact.SignOff(false, " ", manager, Received));

        contact.SignOff(true, null, manager, Received.AddHours(1));

        Assert.True(decision.InForce);
        Assert.Equal(ContactStatus.Decided, contact.Status);
        Assert.Equal(manager, decision.SignedOffById);
    }

    [Fact]
    public void SignOff_NotAgreed_ReturnsTheContactForANewDecision()
    {
        var contact = WithChild();
        contact.Decide(new DecisionDetails(ContactOutcome.NoFurtherAction, "Resolved"), true, Worker, Received);

        contact.SignOff(false, "Speak to health first", Guid.NewGuid(), Received);

        Assert.Equal(ContactStatus.AwaitingDecision, contact.Status);
        Assert.Null(contact.DecisionInForce);
        var again = contact.Decide(new DecisionDetails(ContactOutcome.EarlyHelp, "Health confirm missed appointments", TeamId: Guid.NewGuid()), true, Worker, Received);
        Assert.Null(again.SupersedesId);
    }

    [Fact]
    public void MatchReportedChild_LinksThePersonAsAChild()
    {
        var contact = NewContact();
        var reported = contact.AddReportedChild("Riley", "Taylor", null, "about 7", "1 Alder Road", null);
        var person = Guid.NewGuid();

        contact.MatchReportedChild(reported.Id, person);

        Assert.Equal(person, reported.MatchedPersonId);
        Assert.Equal(ContactPersonRole.Child, Assert.Single(contact.People).Role);
        contact.UnlinkPerson(person);
        Assert.Null(reported.MatchedPersonId);
    }

    [Fact]
    public void Refused_KeepsTheReferrersReason_ButBlocksChecksUntilOverridden()
    {
        var contact = NewContact(ConsentToShare.Refused, "Telling mum would put me at risk");

        Assert.Equal("Telling mum would put me at risk", contact.ConsentOverrideReason);
        Assert.Throws<DomainRuleException>(() => contact.RequestCheck(PartnerAgency.Police, null, "Any history?", Received, Received.AddHours(4), Worker));
    }

    [Fact]
    public void RecordCheckResponse_TypedToTheMinuteOfTheRequest_IsAccepted_AMinuteEarlierIsNot()
    {
        var contact = NewContact();
        var asked = new DateTime(2026, 11, 24, 10, 0, 40, DateTimeKind.Utc);
        var check = contact.RequestCheck(PartnerAgency.Police, null, "Any history?", asked, asked.AddHours(4), Worker);

        Assert.Throws<DomainRuleException>(() => contact.RecordCheckResponse(check.Id, "Nothing known", RagRating.Green, new DateTime(2026, 11, 24, 9, 59, 0, DateTimeKind.Utc), Worker));
        contact.RecordCheckResponse(check.Id, "Nothing known", RagRating.Green, new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc), Worker);

        Assert.Equal(RagRating.Green, check.Rag);
    }
}
