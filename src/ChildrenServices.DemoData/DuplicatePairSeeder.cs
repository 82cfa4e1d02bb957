using ChildrenServices.Application;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Recording;

namespace ChildrenServices.DemoData;

/// <summary>
/// One child recorded twice, as happens: a school's call recorded "Aisha Khatun" with the day and month of
/// birth swapped, months after "Ayesha Khatun-Ahmed" was recorded with her mother. The duplicate check
/// catches the pair and a manager can merge them. Synthetic names; no random draws, so the rest of the
/// demo data stays as it was.
/// </summary>
internal sealed class DuplicatePairSeeder(DemoActors actors, TimeProvider clock)
{
    public const string FirstGiven = "Ayesha";
    public const string FirstFamily = "Khatun-Ahmed";
    public const string SecondGiven = "Aisha";
    public const string SecondFamily = "Khatun";
    public static readonly DateOnly Born = new(2019, 4, 9);

    /// <summary>
    /// Through the use cases, as the front-door practitioner: CreatePerson for each, AddRelationship (which
    /// also makes the household), and RecordCaseNote for the school's call. The second record is saved
    /// as the practitioner saves it in a hurry, confirming it is a new person.
    /// </summary>
    public async Task SeedAsync(Guid frontDoorWorker)
    {
        var today = UkTime.Today(clock);
        var moved = today.AddYears(-3);
        var mother = await actors.SendAsync(frontDoorWorker, new CreatePerson.Command
        {
            Type = PersonType.Adult, GivenNames = "Rahima", FamilyName = "Khatun", DateOfBirth = new DateOnly(1991, 11, 23), Sex = Sex.Female,
            EthnicityCode = "ABAN", FirstLanguage = "Bengali", InterpreterRequired = true,
            AddressLine1 = "14 Larkspur Close", Town = "Eastmoor", Postcode = "NB4 3QD", LivingThereSince = moved, ConfirmedNotDuplicate = true,
        });
        var first = await actors.SendAsync(frontDoorWorker, new CreatePerson.Command
        {
            Type = PersonType.Child, GivenNames = FirstGiven, FamilyName = FirstFamily, DateOfBirth = Born, Sex = Sex.Female,
            EthnicityCode = "ABAN", DisabilityCodes = ["NONE"], FirstLanguage = "English", UpnUnknownReason = "UN4",
            AddressLine1 = "14 Larkspur Close", Town = "Eastmoor", Postcode = "NB4 3QD", LivingThereSince = moved, ConfirmedNotDuplicate = true,
        });
        await actors.SendAsync(frontDoorWorker, new AddRelationship.Command
        {
            PersonId = first, RelatedPersonId = mother, Kind = RelationshipKind.Parent, HasParentalResponsibility = true, SameHousehold = true,
        });
        var second = await actors.SendAsync(frontDoorWorker, new CreatePerson.Command
        {
            Type = PersonType.Child, GivenNames = SecondGiven, FamilyName = SecondFamily, DateOfBirth = new DateOnly(Born.Year, Born.Day, Born.Month),
            Sex = Sex.Female, ConfirmedNotDuplicate = true,
        });
        await actors.SendAsync(frontDoorWorker, new RecordCaseNote.Command
        {
            PersonId = second, Type = CaseNoteType.PhoneCall, OccurredOn = today.AddDays(-12), OccurredAt = "10:30",
            Title = "Call from Eastmoor Primary about Aisha",
            Text = "The school's designated safeguarding lead called: Aisha has been late most mornings this half term and said she looks after her baby brother before school. "
                + "School have no concerns about injuries. Agreed to check whether the family is known and call back.",
            WhoWasSeen = "Designated safeguarding lead", Significant = true,
        });
    }
}
