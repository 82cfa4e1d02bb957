using ChildrenServices.Application;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Infrastructure.Persistence;

namespace ChildrenServices.Infrastructure.Seeding;

/// <summary>
/// One child recorded twice, as happens: a school's call recorded "Aisha Khatun" with the day and month of
/// birth swapped, months after "Ayesha Khatun-Ahmed" was recorded with her mother. The duplicate check
/// catches the pair and a manager can merge them. Synthetic names; no random draws, so the rest of the
/// demo data stays as it was.
/// </summary>
internal sealed class DuplicatePairSeeder(AppDbContext db, TimeProvider clock)
{
    public const string FirstGiven = "Ayesha";
    public const string FirstFamily = "Khatun-Ahmed";
    public const string SecondGiven = "Aisha";
    public const string SecondFamily = "Khatun";
    public static readonly DateOnly Born = new(2019, 4, 9);

    public async Task SeedAsync(Guid frontDoorWorker)
    {
        var today = UkTime.Today(clock);
        var mother = Person.Create(PersonType.Adult, "Rahima", "Khatun", new PersonDetails(
            new DateOnly(1991, 11, 23), null, null, Sex.Female, "2", "ABAN", [], "Bengali", true, null, null, null));
        var first = Person.Create(PersonType.Child, FirstGiven, FirstFamily, new PersonDetails(
            Born, null, null, Sex.Female, "2", "ABAN", ["NONE"], "English", false, null, null, "UN4"));
        var second = Person.Create(PersonType.Child, SecondGiven, SecondFamily, new PersonDetails(
            new DateOnly(Born.Year, Born.Day, Born.Month), null, null, Sex.Female, "2", null, [], null, false, null, null, null));
        var moved = today.AddYears(-3);
        foreach (var person in new[] { mother, first })
        {
            person.MoveTo("14 Larkspur Close", null, "Eastmoor", "NB4 3QD", moved);
        }

        var household = new Household("Khatun household, Eastmoor");
        household.Join(mother.Id, moved);
        household.Join(first.Id, moved);
        db.People.AddRange(mother, first, second);
        db.Households.Add(household);
        db.Relationships.Add(new Relationship(first.Id, mother.Id, RelationshipKind.Parent, true, null));
        db.CaseNotes.Add(new CaseNote(
            second.Id, CaseNoteType.PhoneCall, today.AddDays(-12), new TimeOnly(10, 30),
            "Call from Eastmoor Primary about Aisha",
            "The school's designated safeguarding lead called: Aisha has been late most mornings this half term and said she looks after her baby brother before school. "
            + "School have no concerns about injuries. Agreed to check whether the family is known and call back.",
            "Designated safeguarding lead", false, false, true, frontDoorWorker, UkTime.ToUtc(today.AddDays(-12).ToDateTime(new TimeOnly(11, 0))), today));
        await db.SaveChangesAsync();
    }
}
