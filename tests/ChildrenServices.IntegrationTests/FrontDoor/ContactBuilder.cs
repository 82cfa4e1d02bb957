using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.Infrastructure;

namespace ChildrenServices.IntegrationTests.FrontDoor;

/// <summary>
/// A front-door contact made with the domain's own methods, for tests that need one to exist:
/// <c>await WithDbAsync(db =&gt; new ContactBuilder().About(childId).SaveAsync(db))</c>.
/// </summary>
internal sealed class ContactBuilder
{
    private readonly List<Guid> children = [];
    private readonly List<Guid> adults = [];
    private ConsentToShare consent = ConsentToShare.Given;
    private string? consentOverrideReason;
    private ContactRoute route = ContactRoute.PhoneConsultation;
    private ContactUrgency urgency = ContactUrgency.Urgent;
    private DateTime receivedAtUtc = AppFactory.Now.UtcDateTime.AddHours(-1);
    private Guid? recordedBy;

    public ContactBuilder About(Guid childId)
    {
        children.Add(childId);
        return this;
    }

    public ContactBuilder WithAdult(Guid adultId)
    {
        adults.Add(adultId);
        return this;
    }

    public ContactBuilder WithConsent(ConsentToShare value, string? overrideReason = null)
    {
        consent = value;
        consentOverrideReason = overrideReason;
        return this;
    }

    public ContactBuilder Via(ContactRoute value)
    {
        route = value;
        return this;
    }

    public ContactBuilder WithUrgency(ContactUrgency value)
    {
        urgency = value;
        return this;
    }

    public ContactBuilder ReceivedAt(DateTime utc)
    {
        receivedAtUtc = utc;
        return this;
    }

    /// <summary>The staff member who took the contact (a real user id: the column is a foreign key).</summary>
    public ContactBuilder RecordedBy(Guid userId)
    {
        recordedBy = userId;
        return this;
    }

    public Contact Build()
    {
        var contact = Contact.Record(
            ContactReferences.Generate(), route, receivedAtUtc, receivedAtUtc.AddDays(1),
            new Referrer("Dana Head", "Oak Primary School", "Designated safeguarding lead", "01632 960001", "dsl@oak.example.sch.uk", "3A"),
            new ContactAccount("Bruising seen on the child's upper arm; the child said not to tell anyone.", null, null, null),
            consent, consentOverrideReason, urgency, recordedBy, AppFactory.Now.UtcDateTime);
        foreach (var child in children)
        {
            contact.LinkPerson(child, ContactPersonRole.Child);
        }

        foreach (var adult in adults)
        {
            contact.LinkPerson(adult, ContactPersonRole.Adult);
        }

        return contact;
    }

    public async Task<Contact> SaveAsync(AppDbContext db)
    {
        var contact = Build();
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact;
    }
}
