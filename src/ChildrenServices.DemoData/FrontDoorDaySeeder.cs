using ChildrenServices.Application;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.DemoData;

/// <summary>
/// Development only: a realistic front-door day on top of the seeded families — a year of earlier
/// contacts and referrals (so re-referrals and "previous involvement" show), and today's queue with
/// contacts in every state: waiting (some overdue), held and unassigned, online requests still to
/// match, MASH checks outstanding and answered, consultations, and decisions of every kind.
/// All text is made up.
/// </summary>
internal sealed class FrontDoorDaySeeder(AppDbContext db, TimeProvider clock, Random random)
{
    internal static readonly (string Name, string Agency, string Role, string Source)[] Professionals =
    [
        ("Mrs Okonjo", "Northbridge Primary School", "Designated safeguarding lead", "2A"),
        ("Mr Haldane", "Eastmoor Academy", "Head of year 9", "2A"),
        ("Sister Dunmore", "Westfold health visiting team", "Health visitor", "3B"),
        ("Dr Ashby", "Canal Street Surgery", "GP", "3A"),
        ("PC 4471 Rahman", "Northbridge Police", "Public protection unit", "6"),
        ("Charge nurse Ellery", "Westfold General Hospital", "Emergency department", "3E"),
        ("Ms Quaye", "Housing Options", "Housing officer", "4"),
        ("Ms Varga", "Southwick Vale Children's Centre", "Family support worker", "5D"),
        ("Mr Trelawney", "Northbridge College", "Student welfare officer", "2B"),
    ];

    internal static readonly (string Name, string Role, string Source)[] Public =
    [
        ("Anonymous", "Neighbour", "9"),
        ("Mrs Pembridge", "Grandmother", "1A"),
        ("Mr Stanforth", "Neighbour", "1D"),
    ];

    internal static readonly string[] Concerns =
    [
        "Child arrived at school hungry for the third day this week and said there was no food at home.",
        "Mother disclosed that her partner pushed her against a wall last night; the children were in the house.",
        "Baby has missed two health visitor appointments and mum sounded low and overwhelmed on the phone.",
        "Police attended a domestic incident at 02:10; two children present, both asleep upstairs when officers arrived.",
        "Young person has been missing from home overnight twice this month and was seen with older males in a car.",
        "Attendance has fallen to 62% this term; the child says they look after their younger brothers in the mornings.",
        "Child presented at the emergency department with a burn to the hand; the account given changed twice.",
        "Family are being evicted next week and have nowhere to go; mum is asking for help.",
        "Child told a teaching assistant that dad hits them with a belt when they are naughty.",
        "Neighbour reports shouting most nights and children left alone in the flat until late.",
        "Teenager self-harming; parents are supportive but waiting list for CAMHS is long and they are struggling.",
        "Parent's mental health has deteriorated; the eldest child is doing the shopping and cooking.",
    ];

    private static readonly string[] WorkingWell =
    [
        "Children are well presented and attached to their mum; school attendance was good until recently.",
        "Grandmother lives nearby and helps with school runs.",
        "Mum engages with the health visitor and wants support.",
        "The child has a trusted adult at school and talks to her every morning.",
    ];

    private static readonly string[] Discussions =
    [
        "Talked through what the school has seen and what it has already tried. The DSL knows the family well and mum trusts her.",
        "Discussed the health visitor's observations and the history of missed appointments; no injuries or disclosures.",
        "Explored the incident with the officer: first call-out to this address, both parents cooperative, children not disturbed.",
    ];

    private static readonly string[] Advice =
    [
        "School to meet mum this week, offer the breakfast club and complete an early help assessment if she agrees.",
        "Health visitor to increase contact to weekly for a month and call back if anything changes.",
        "Share the incident with the school's DSL under Operation Encompass; no further front-door action.",
    ];

    private readonly WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
    private readonly DateTime now = clock.GetUtcNow().UtcDateTime;

    public async Task SeedAsync(Guid frontDoor, Guid colleague, Guid manager)
    {
        var assessment = await db.Teams.Where(t => t.Kind == TeamKind.Assessment).Select(t => t.Id).FirstAsync();
        var earlyHelp = await db.Teams.Where(t => t.Kind == TeamKind.EarlyHelp).Select(t => t.Id).FirstAsync();
        var children = await db.People.Where(p => p.Type == PersonType.Child && p.DateOfBirth != null && p.Restriction == null)
            .OrderBy(p => p.FamilyName).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var parents = await db.Relationships.Where(r => r.Kind == RelationshipKind.Parent)
            .GroupBy(r => r.PersonId).Select(g => new { Child = g.Key, Parent = g.Min(r => r.RelatedPersonId) })
            .ToDictionaryAsync(x => x.Child, x => x.Parent);
        var pool = new Queue<Guid>(children.OrderBy(_ => random.Next()));

        // A small demo (the browser tests seed 25 families) goes round the children again.
        Guid Next()
        {
            var id = pool.Dequeue();
            pool.Enqueue(id);
            return id;
        }

        var consequences = new DecisionConsequences(db, calendar, clock);
        var deciders = new[] { frontDoor, colleague, manager };

        // A year of history: referrals (some children will be re-referred today) and decided contacts.
        var history = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            var child = Next();
            history.Add(child);
            var received = now.AddDays(-random.Next(20, 360)).Date.AddHours(random.Next(8, 17)).AddMinutes(random.Next(0, 60));
            var outcome = i % 3 == 0 ? ContactOutcome.Referral : i % 3 == 1 ? ContactOutcome.EarlyHelp : ContactOutcome.AdviceAndSignposting;
            await DecidedContactAsync(child, parents, received, outcome, deciders[i % 3], assessment, earlyHelp, consequences, withConsultation: false, late: i % 7 == 0);
        }

        var today = UkTime.Today(clock);
        var startOfDay = UkTime.ToUtc(calendar.WorkingDayOnOrBefore(today).ToDateTime(new TimeOnly(8, 0)));
        var yesterday = UkTime.ToUtc(calendar.PreviousWorkingDay(today).ToDateTime(new TimeOnly(8, 30)));
        DateTime Today(int minutes) => Min(startOfDay.AddMinutes(minutes), now.AddMinutes(-5));
        DateTime Yesterday(int minutes) => yesterday.AddMinutes(minutes);

        // Decided since yesterday: every outcome.
        var outcomes = new[]
        {
            ContactOutcome.NoFurtherAction, ContactOutcome.AdviceOnly, ContactOutcome.AdviceOnly, ContactOutcome.AdviceOnly, ContactOutcome.AdviceAndSignposting,
            ContactOutcome.AdviceAndSignposting, ContactOutcome.EarlyHelp, ContactOutcome.EarlyHelp, ContactOutcome.Referral, ContactOutcome.Referral,
            ContactOutcome.StrategyDiscussion, ContactOutcome.NoFurtherAction, ContactOutcome.AdviceOnly, ContactOutcome.EarlyHelp,
        };
        for (var i = 0; i < outcomes.Length; i++)
        {
            var received = i < 8 ? Yesterday(i * 35) : Today(i * 12);
            await DecidedContactAsync(Next(), parents, received, outcomes[i], deciders[i % 3], assessment, earlyHelp, consequences,
                withConsultation: outcomes[i] == ContactOutcome.AdviceOnly || i % 4 == 0, late: false);
        }

        // Two re-referrals: children referred within the last year come back today.
        foreach (var child in history.Where((_, i) => i % 3 == 0).Take(2))
        {
            await DecidedContactAsync(child, parents, Today(50), ContactOutcome.Referral, manager, assessment, earlyHelp, consequences, withConsultation: true, late: false);
        }

        // Waiting for a decision: some overdue from yesterday, some held, some not, one with immediate risk.
        for (var i = 0; i < 14; i++)
        {
            var received = i < 4 ? Yesterday(i * 40) : Today(i * 9);
            var contact = NewContact(i % 5 == 0 ? ContactRoute.PoliceNotification : i % 5 == 1 ? ContactRoute.Email : ContactRoute.PhoneConsultation, received,
                i == 6 ? ContactUrgency.Immediate : i % 4 == 1 ? ContactUrgency.Urgent : ContactUrgency.Routine, deciders[i % 3]);
            var child = Next();
            contact.LinkPerson(child, ContactPersonRole.Child);
            if (parents.TryGetValue(child, out var parent) && i % 2 == 0)
            {
                contact.LinkPerson(parent, ContactPersonRole.Adult);
            }

            if (i % 3 != 2)
            {
                contact.AssignTo(deciders[i % 2]);
            }

            if (i % 4 == 0)
            {
                RecordConsultation(contact, deciders[i % 2], received);
            }

            if (i is 3 or 6 or 9 or 12)
            {
                // Significant harm may be indicated: partner agency checks, some answered, some overdue.
                var asked = received.AddMinutes(20);
                contact.RequestCheck(PartnerAgency.Police, null, "Any police involvement with this family or address in the last two years?", asked, asked.AddHours(4), deciders[i % 2]);
                contact.RequestCheck(PartnerAgency.Health, null, "Health history for the children, and any concerns from the GP or health visitor?", asked, asked.AddHours(i == 12 ? 24 : 4), deciders[i % 2]);
                var education = contact.RequestCheck(PartnerAgency.Education, null, "Attendance, presentation and any safeguarding records held by the school?", asked, asked.AddHours(4), deciders[i % 2]);
                if (asked.AddHours(2) < now)
                {
                    contact.RecordCheckResponse(education.Id, "Attendance 78%. Two logged concerns this term about hunger and tiredness; no disclosures.", RagRating.Amber, asked.AddHours(2), deciders[i % 2]);
                }
            }

            db.Contacts.Add(contact);
        }

        // Online requests from the public form, children still to be found or recorded.
        for (var i = 0; i < 4; i++)
        {
            var p = Public[i % Public.Length];
            var received = Today(30 + (i * 40));
            var contact = Contact.Record(await ContactReferences.NewAsync(db, CancellationToken.None), ContactRoute.OnlineRequest, received,
                FrontDoorClock.DecisionDueUtc(received, calendar), new Referrer(p.Name, null, p.Role, "01632 960" + random.Next(100, 999), null, p.Source),
                new ContactAccount(Concerns[random.Next(Concerns.Length)], i % 2 == 0 ? WorkingWell[random.Next(WorkingWell.Length)] : null, null, null),
                i == 1 ? ConsentToShare.NotYetSought : ConsentToShare.Given, null, ContactUrgency.Routine, null, now);
            var next = Next();
            var known = await db.People.Where(x => x.Id == next).Select(x => new { x.GivenNames, x.FamilyName, x.DateOfBirth }).SingleAsync();
            contact.AddReportedChild(known.GivenNames, known.FamilyName, i % 2 == 0 ? known.DateOfBirth : null, i % 2 == 0 ? null : "About 8, goes to the primary school on Kiln Street", null, null);
            contact.SetReportedAdults("Mum and her partner; I don't know their surnames.");
            db.Contacts.Add(contact);
        }

        await db.SaveChangesAsync();
    }

    private async Task DecidedContactAsync(Guid child, Dictionary<Guid, Guid> parents, DateTime received, ContactOutcome outcome, Guid decider, Guid assessment, Guid earlyHelp, DecisionConsequences consequences, bool withConsultation, bool late)
    {
        var route = outcome == ContactOutcome.AdviceOnly || withConsultation ? ContactRoute.PhoneConsultation : new[] { ContactRoute.Email, ContactRoute.PoliceNotification, ContactRoute.InPerson, ContactRoute.PhoneConsultation }[random.Next(4)];
        var contact = NewContact(route, received, ContactUrgency.Routine, decider);
        contact.LinkPerson(child, ContactPersonRole.Child);
        if (parents.TryGetValue(child, out var parent))
        {
            contact.LinkPerson(parent, ContactPersonRole.Adult);
        }

        if (withConsultation)
        {
            RecordConsultation(contact, decider, received);
        }

        var decidedAt = Min(late ? contact.DecisionDueAtUtc.AddHours(3) : received.AddHours(random.Next(1, 6)), now.AddMinutes(-1));
        var opens = outcome.OpensReferral();
        var details = new DecisionDetails(outcome, Rationale(outcome), opens ? contact.Referrer.SourceCode : null, opens ? (outcome == ContactOutcome.StrategyDiscussion ? "N1" : new[] { "N1", "N4", "N5", "N3" }[random.Next(4)]) : null,
            opens ? assessment : outcome == ContactOutcome.EarlyHelp ? earlyHelp : null);
        var decision = contact.Decide(details, needsSignOff: false, decider, decidedAt);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        await consequences.ApplyAsync(contact, decision, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    private Contact NewContact(ContactRoute route, DateTime received, ContactUrgency urgency, Guid recordedBy)
    {
        var p = Professionals[random.Next(Professionals.Length)];
        if (route == ContactRoute.PoliceNotification)
        {
            p = Professionals[4];
        }

        return Contact.Record(ContactReferences.Generate(), route, received, FrontDoorClock.DecisionDueUtc(received, calendar),
            new Referrer(p.Name, p.Agency, p.Role, "01632 960" + random.Next(100, 999), null, p.Source),
            new ContactAccount(Concerns[random.Next(Concerns.Length)], WorkingWell[random.Next(WorkingWell.Length)], "How safe the children are at home at night.", null),
            random.NextDouble() < 0.85 ? ConsentToShare.Given : ConsentToShare.Overridden,
            "Asking the parents first could put the children at greater risk.", urgency, recordedBy, now);
    }

    private void RecordConsultation(Contact contact, Guid by, DateTime at)
    {
        var k = random.Next(Discussions.Length);
        contact.RecordConsultation(
            new Consultation(Discussions[k], Advice[k], k == 1 ? BestPlaced.UniversalServices : BestPlaced.Caller, "Caller to ring back if anything changes.", null, by, Min(at.AddMinutes(25), now)),
            [new AgreedAction(k == 0 ? "Meet mum and offer the breakfast club" : "Increase contact and review in a month", k == 1 ? "Health visitor" : "DSL", null)]);
    }

    private static string Rationale(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.NoFurtherAction => "Concern resolved: the explanation was confirmed by school and there is no history of concern.",
        ContactOutcome.AdviceOnly => "The caller is best placed to meet the child's needs with the advice given; no role for children's services now.",
        ContactOutcome.AdviceAndSignposting => "Family signposted to the children's centre parenting programme and the food bank; needs can be met by universal services.",
        ContactOutcome.EarlyHelp => "Needs are beyond universal services but there is no indication of significant harm; family agree to early help.",
        ContactOutcome.Referral => "Pattern of neglect indicators over time with no change after school support; a social work assessment is needed.",
        ContactOutcome.StrategyDiscussion => "Disclosure of physical harm by a parent with a visible injury: reasonable cause to suspect significant harm.",
        _ => "Decided at the front door.",
    };

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
