using ChildrenServices.Application;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.DemoData;

/// <summary>
/// Development only: case notes for children open to a worker, written by that worker since the case
/// was allocated — visits, calls, meetings and oversight, some significant, so the notes list, the
/// chronology and the family narrative have something to show. All text is made up.
/// </summary>
internal sealed class CaseNotesSeeder(AppDbContext db, TimeProvider clock, Random random)
{
    private static readonly (CaseNoteType Type, string Title, string Text, string? Seen, bool ChildSeen, bool Alone, bool Significant)[] Notes =
    [
        (CaseNoteType.Visit, "Home visit: {0} seen alone", "Visited at home after school. {0} showed me their bedroom, which was clean and had a bed with bedding. Spoke with {0} alone in the living room; they said things are 'a bit better' since mum started going to the group. The kitchen had food in the cupboards and the fridge. Mum was tired but engaged and asked about the parenting course dates.", "{0} seen alone; mum", true, true, false),
        (CaseNoteType.PhoneCall, "Call with the school DSL", "The designated safeguarding lead rang: attendance is up to 91% this half-term and {0} has been eating breakfast at the breakfast club. Agreed the school will let me know the same day if {0} is absent without a reason.", null, false, false, false),
        (CaseNoteType.Meeting, "Core group meeting", "Core group met at the children's centre: mum, the health visitor, the school nurse and me. Actions from the last meeting reviewed: the GP referral is done, the housing application is still waiting. Mum said she feels listened to. Next meeting in four weeks.", "Mum; health visitor; school nurse", false, false, true),
        (CaseNoteType.Observation, "Contact session observed", "Observed supervised contact with dad at the family centre for an hour. {0} ran to dad at the start and played happily; dad was warm and set kind limits. At the end {0} became upset and dad reassured them well.", "{0}; dad", true, false, false),
        (CaseNoteType.Visit, "Unannounced visit: concerns about the home", "Unannounced visit at 17:40. Strong smell of cannabis in the flat and an unknown adult male present who left when I arrived. {0} was seen but not alone: mum would not agree. Discussed the written agreement with mum; she became tearful and said she would call me tomorrow. Discussed with my manager on return to the office.", "{0}, not alone; mum; unknown adult male", true, false, true),
        (CaseNoteType.ManagementOversight, "Management oversight: plan review", "Case discussed in supervision. The child's plan is progressing but the home conditions remain a worry after the unannounced visit. Decision: continue under the current plan, a further unannounced visit within 10 working days, and a check with the police on the unknown adult. Reviewed again next month.", null, false, false, true),
        (CaseNoteType.PhoneCall, "Call with mum", "Mum rang to say the boiler has been fixed and she has started the parenting course. She asked whether the next core group could be in the afternoon because of her shifts. Agreed.", "Mum (by phone)", false, false, false),
        (CaseNoteType.Visit, "Statutory visit: {0} seen alone", "Statutory visit. Saw {0} alone in their bedroom and used the three houses tool: home is 'better when nobody is shouting'; worries are about mum being sad. {0}'s wish is to stay at home and see dad at weekends. Shared the three houses with mum afterwards, with {0}'s agreement.", "{0} seen alone; mum", true, true, true),
    ];

    private const int BatchSize = 500;

    public async Task SeedAsync()
    {
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var allocations = await db.Allocations.AsNoTracking()
            .Where(a => a.EndedOn == null && a.Role == AllocationRole.Lead)
            .Join(db.People.Where(p => p.Type == PersonType.Child && p.DateOfBirth != null), a => a.ChildId, p => p.Id, (a, p) => new { a.ChildId, a.WorkerId, a.StartedOn, p.GivenNames })
            .OrderBy(a => a.ChildId)
            .ToListAsync();

        var written = 0;
        foreach (var allocation in allocations.Where((_, i) => i % 2 == 0))
        {
            if (++written % BatchSize == 0)
            {
                // Saved and cleared a batch at a time, so the tracker does not grow with the council.
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            var span = Math.Max(1, today.DayNumber - allocation.StartedOn.DayNumber);
            var count = random.Next(2, Notes.Length);
            var picked = Notes.OrderBy(_ => random.Next()).Take(count)
                .Select(n => (Note: n, On: allocation.StartedOn.AddDays(random.Next(0, span + 1))))
                .OrderBy(x => x.On);
            foreach (var (n, on) in picked)
            {
                var occurredOn = on > today ? today : on;
                var at = new TimeOnly(random.Next(9, 18), random.Next(0, 4) * 15);
                var recordedAt = UkTime.ToUtc(occurredOn.ToDateTime(at).AddHours(random.Next(1, 5)));
                recordedAt = recordedAt > now ? now : recordedAt;
                db.CaseNotes.Add(new CaseNote(
                    allocation.ChildId, n.Type, occurredOn, n.Type == CaseNoteType.ManagementOversight ? null : at,
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, n.Title, allocation.GivenNames),
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, n.Text, allocation.GivenNames),
                    n.Seen is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, n.Seen, allocation.GivenNames),
                    n.ChildSeen, n.Alone, n.Significant, allocation.WorkerId, recordedAt, today));
            }
        }

        await db.SaveChangesAsync();
    }
}
