using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;

namespace ChildrenServices.Domain.Tests.FrontDoor;

public class MashCheckTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Worker = Guid.CreateVersion7();

    [Fact]
    public void RequestCheck_ConsentRefused_RefusedUntilOverridden()
    {
        var contact = NewContact(ConsentToShare.Refused);

        var refused = Assert.Throws<DomainRuleException>(() => contact.RequestCheck(PartnerAgency.Police, null, "Any history?", Now, Now.AddHours(4), Worker));
        Assert.Equal("Agency", refused.Field);
        Assert.Empty(contact.MashChecks);

        contact.UpdateDetails(contact.Route, contact.ReceivedAtUtc, contact.DecisionDueAtUtc, contact.Referrer, contact.Account,
            ConsentToShare.Overridden, "Risk of significant harm outweighs refusal", contact.Urgency, Now);
        contact.RequestCheck(PartnerAgency.Police, null, "Any history?", Now, Now.AddHours(4), Worker);
        Assert.Single(contact.MashChecks);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public void RequestCheck_DueNotAfterTheRequest_Refused(int minutesAfterRequest)
    {
        var contact = NewContact();

        var refused = Assert.Throws<DomainRuleException>(() =>
            contact.RequestCheck(PartnerAgency.Health, null, "Health visitor involvement?", Now, Now.AddMinutes(minutesAfterRequest), Worker));

        Assert.Equal("DueTime", refused.Field);
        Assert.Empty(contact.MashChecks);
    }

    [Fact]
    public void RequestCheck_OtherAgencyWithoutAName_Refused()
    {
        var contact = NewContact();

        Assert.Equal("AgencyName", Assert.Throws<DomainRuleException>(() =>
            contact.RequestCheck(PartnerAgency.Other, " ", "Any involvement?", Now, Now.AddHours(4), Worker)).Field);
    }

    [Fact]
    public void RecordCheckResponse_BeforeTheRequest_Refused()
    {
        var contact = NewContact();
        var check = contact.RequestCheck(PartnerAgency.Education, null, "Attendance?", Now, Now.AddHours(4), Worker);

        var refused = Assert.Throws<DomainRuleException>(() =>
            contact.RecordCheckResponse(check.Id, "Attendance 62%", RagRating.Amber, Now.AddMinutes(-1), Worker));

        Assert.Equal("RespondedDate", refused.Field);
        Assert.True(check.IsOutstanding);
    }

    [Fact]
    public void RecordCheckResponse_AfterTheRequest_RecordsResponseAndRag()
    {
        var contact = NewContact();
        var check = contact.RequestCheck(PartnerAgency.Education, null, "Attendance?", Now, Now.AddHours(4), Worker);

        contact.RecordCheckResponse(check.Id, "Attendance 62%", RagRating.Amber, Now.AddHours(1), Worker);

        Assert.False(check.IsOutstanding);
        Assert.Equal(RagRating.Amber, check.Rag);
        Assert.Equal(Now.AddHours(1), check.RespondedAtUtc);
        Assert.False(check.IsOverdue(Now.AddHours(9)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(240, false)]
    [InlineData(241, true)]
    public void IsOverdue_OutstandingAfterTheDueTime(int minutesLater, bool overdue)
    {
        var contact = NewContact();
        var check = contact.RequestCheck(PartnerAgency.Probation, null, "Known to probation?", Now, Now.AddHours(4), Worker);

        Assert.Equal(overdue, check.IsOverdue(Now.AddMinutes(minutesLater)));
    }

    [Fact]
    public void RecordMashOutcome_NoChecks_Refused()
    {
        var contact = NewContact();

        Assert.Equal("Outcome", Assert.Throws<DomainRuleException>(() => contact.RecordMashOutcome("Nothing known", RagRating.Green, Now)).Field);
        Assert.Null(contact.MashOutcome);
    }

    private static Contact NewContact(ConsentToShare consent = ConsentToShare.Given) =>
        Contact.Record("FD-TEST-0001", ContactRoute.PhoneConsultation, Now.AddHours(-1), Now.AddDays(1),
            new Referrer("Dana Head", "Oak Primary", "Designated safeguarding lead", null, null, "3A"),
            new ContactAccount("Bruising seen on arm", null, null, null), consent, null, ContactUrgency.Urgent, Worker, Now);
}
