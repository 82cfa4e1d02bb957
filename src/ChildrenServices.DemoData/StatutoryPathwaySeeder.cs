using ChildrenServices.Application;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.DemoData;

/// <summary>
/// Development only: children at every stage of the statutory pathway beyond the assessment, built with
/// the domain's own methods so every rule holds. In the child in need and protection team: strategy
/// discussions with enquiries open and concluded, initial conferences, child protection plans (one with
/// its review conference overdue, one with a previous plan, one made by a transfer-in conference, one ended when the
/// family moved to another council and the case closed, one in pre-proceedings after a family group decision-making
/// meeting) and child in need plans (one with its review
/// overdue). In the looked-after team: periods of care with placement and legal status changes, reviews
/// and visits, one visit overdue, one review's date corrected by the manager, and an unaccompanied asylum-seeking child. No random generator, so the data seeded before stays as it was.
/// </summary>
internal sealed class StatutoryPathwaySeeder(AppDbContext db, TimeProvider clock)
{
    private readonly WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;

    public async Task SeedAsync(Guid reviewingOfficer)
    {
        var today = UkTime.Today(clock);
        await ChildInNeedAndProtectionAsync(today, reviewingOfficer);
        await LookedAfterAsync(today, reviewingOfficer);
        await db.SaveChangesAsync();
    }

    private async Task ChildInNeedAndProtectionAsync(DateOnly today, Guid chair)
    {
        var team = await db.Teams.Where(t => t.Kind == TeamKind.ChildInNeedAndProtection).OrderBy(t => t.Name).Select(t => t.Id).FirstAsync();
        var children = await ChildrenForAsync(team, 9, today);
        var births = await db.People.Where(p => children.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DateOfBirth);
        for (var i = 0; i < children.Count && i < 9; i++)
        {
            var child = children[i];
            var referralDate = calendar.AddWorkingDays(today, -(i < 2 ? 30 : 160 + (i * 10)));
            var referral = new Referral(child, null, referralDate, "6", "N1", team, false, null, calendar);
            db.Referrals.Add(referral);
            switch (i)
            {
                case 0:
                    // Strategy discussion last week; the enquiry's outcome is still to record.
                    db.ChildProtectionEnquiries.Add(new ChildProtectionEnquiry(referral, calendar.AddWorkingDays(today, -5), "Police, school, health visitor", true,
                        "Disclosure at school of being hit with a belt; siblings at home.", calendar, today));
                    break;
                case 1:
                    // Enquiry concluded, conference needed, target in a few days.
                    var waiting = new ChildProtectionEnquiry(referral, calendar.AddWorkingDays(today, -11), "Police, GP, school", true, "Repeated missing episodes and an older adult picking her up.", calendar, today);
                    waiting.RecordSection47Outcome(calendar.AddWorkingDays(today, -6), "Risk of sexual exploitation; mum not protective yet.", true, today);
                    db.ChildProtectionEnquiries.Add(waiting);
                    break;
                case 2:
                case 3:
                    // Child protection plans: the second's review conference is overdue.
                    // Working days back, so the conference is on a weekday whatever today is (CIN census rule 8875).
                    var icpc = calendar.AddWorkingDays(today, i == 2 ? -28 : -85);
                    var enquiry = new ChildProtectionEnquiry(referral, calendar.AddWorkingDays(icpc, -12), "Police, health visitor, nursery", true, "Neglect: home conditions, missed health appointments.", calendar, today);
                    enquiry.RecordSection47Outcome(calendar.AddWorkingDays(icpc, -5), "Chronic neglect; parents struggling with alcohol.", true, today);
                    enquiry.RecordConference(icpc, ConferenceOutcome.ChildProtectionPlan, "NEG", chair, today);
                    db.ChildProtectionEnquiries.Add(enquiry);
                    // The second child had a plan under another council before moving here (the census's NumberOfPreviousCPP).
                    var plan = new ChildProtectionPlan(enquiry, previousPlansElsewhere: i == 3 ? 1 : 0);
                    plan.RecordCoreGroup(calendar.AddWorkingDays(icpc, 8), today);
                    plan.RecordVisit(calendar.AddWorkingDays(icpc, 5), true, true, today);
                    plan.RecordVisit(calendar.AddWorkingDays(icpc, 14), true, false, today);
                    db.ChildProtectionPlans.Add(plan);
                    if (i == 3)
                    {
                        db.PreProceedings.Add(await PreProceedingsAsync(referral, today));
                    }

                    break;
                case 7:
                    // Transferred in under another council's plan: this council's transfer-in conference made its own.
                    var transferIn = ChildProtectionPlan.FromTransferInConference(referral, calendar.AddWorkingDays(today, -40), "EMO", "Northfield County Council", 1, chair, today);
                    transferIn.RecordCoreGroup(calendar.AddWorkingDays(transferIn.StartedOn, 7), today);
                    transferIn.RecordVisit(calendar.AddWorkingDays(today, -6), true, true, today);
                    db.ChildProtectionPlans.Add(transferIn);
                    break;
                case 8:
                    // A plan ended when the family moved to another council, and the case then closed (RC5).
                    var held = calendar.AddWorkingDays(today, -120);
                    var moved = new ChildProtectionEnquiry(referral, calendar.AddWorkingDays(held, -12), "Police, school, health visitor", true, "Domestic abuse witnessed; mum seeking refuge.", calendar, today);
                    moved.RecordSection47Outcome(calendar.AddWorkingDays(held, -4), "Children exposed to repeated domestic abuse.", true, today);
                    moved.RecordConference(held, ConferenceOutcome.ChildProtectionPlan, "EMO", chair, today);
                    db.ChildProtectionEnquiries.Add(moved);
                    var ended = new ChildProtectionPlan(moved);
                    ended.RecordVisit(calendar.AddWorkingDays(held, 6), true, true, today);

                    // Its review conference moved the plan to multiple categories, as the record and the returns show.
                    ended.RecordReview(calendar.AddWorkingDays(held, 60), true, "MUL",
                        "Domestic abuse continues alongside neglect of the children's health needs: the plan continues under multiple categories.", chair, today);
                    var movedOn = calendar.AddWorkingDays(today, -30);
                    ended.EndOutsideConference(movedOn, ChildProtectionPlanEnd.MovedToAnotherCouncil,
                        "The family moved to a refuge in another council's area. Their children's services were told the same day and the plan handed over at a transfer-in conference there.",
                        births.GetValueOrDefault(child), today);
                    db.ChildProtectionPlans.Add(ended);
                    referral.Close(movedOn, "RC5");
                    foreach (var allocation in await db.Allocations.Where(x => x.ChildId == child && x.EndedOn == null).ToListAsync())
                    {
                        allocation.End(movedOn < allocation.StartedOn ? allocation.StartedOn : movedOn);
                    }

                    break;
                default:
                    // Child in need plans: one review overdue, one on track.
                    var cin = new ChildInNeedPlan(referral, calendar.AddWorkingDays(referralDate, 50), today);
                    cin.RecordReview(calendar.AddWorkingDays(cin.StartedOn, 12), "Attendance up to 92%; dad engaging with the alcohol service.", today);
                    if (i == 4)
                    {
                        cin.RecordReview(today.AddDays(-20), "Good progress; next review in twelve weeks.", today);
                    }

                    cin.RecordVisit(today.AddDays(-(10 + i)), true, i % 2 == 0, today);
                    db.ChildInNeedPlans.Add(cin);
                    break;
            }
        }
    }

    /// <summary>
    /// Pre-proceedings for the child whose plan has not brought change: the letter offered a family group decision-making
    /// meeting, the family held it and made a proposal, the initial meeting and one review are held, and the legal planning
    /// meeting's decision is still to come.
    /// </summary>
    private async Task<PreProceedings> PreProceedingsAsync(Referral referral, DateOnly today)
    {
        var worker = await db.Allocations.Where(a => a.ChildId == referral.ChildId && a.EndedOn == null && a.Role == AllocationRole.Lead)
            .Select(a => a.WorkerId).FirstAsync();
        var started = calendar.AddWorkingDays(today, -35);
        var record = new PreProceedings(referral, started,
            "Home conditions have not improved over the child protection plan and both parents' drinking continues; the legal planning meeting found the threshold for proceedings met.",
            worker, today);
        record.RecordLetter(calendar.AddWorkingDays(started, 3), offered: true, null, today);
        record.RecordMeeting(calendar.AddWorkingDays(started, 6), "Initial meeting with both parents and their solicitor: the expectations and the twelve-week timetable agreed.", today);
        record.RecordFgdm(accepted: true, calendar.AddWorkingDays(started, 14),
            "The paternal aunt will stay three nights a week and take the children to school; the grandparents will do the weekend; dad to start the alcohol programme.", null, today);
        record.RecordMeeting(calendar.AddWorkingDays(started, 26), "Review: the family's plan is in place; school attendance up; dad has attended four sessions.", today);
        return record;
    }

    /// <summary>The Ofsted URN of the demo council's own fostering service (synthetic).</summary>
    private const string CouncilFosteringService = "SC482910";

    private async Task LookedAfterAsync(DateOnly today, Guid reviewingOfficer)
    {
        var team = await db.Teams.Where(t => t.Kind == TeamKind.ChildrenLookedAfter).OrderBy(t => t.Name).Select(t => t.Id).FirstAsync();
        var children = await ChildrenForAsync(team, 4, today);
        var births = await db.People.Where(p => children.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DateOfBirth);
        var manager = await db.Teams.Where(t => t.Id == team).Select(t => t.ManagerId!.Value).SingleAsync();
        var adoptedBefore = false;
        for (var i = 0; i < children.Count && i < 4; i++)
        {
            var child = children[i];
            var start = today.AddDays(-(60 + (i * 150)));
            if (births[child] is not { } born || born > start.AddYears(-1) || born < start.AddYears(-17))
            {
                continue;
            }

            // One child (the first old enough to have been adopted four years before) left care before under an adoption order.
            var adopted = !adoptedBefore && born <= start.AddYears(-6);
            adoptedBefore |= adopted;

            db.Referrals.Add(new Referral(child, null, start.AddDays(-10), "6", "N1", team, false, null, calendar));
            var leading = await db.Allocations.Where(a => a.ChildId == child && a.EndedOn == null && a.Role == AllocationRole.Lead).FirstOrDefaultAsync();
            var lead = leading?.WorkerId;

            // A looked-after child has had a social worker since the referral: the lead's allocation goes back to it
            // (SSDA903 SW12STG2), unless an earlier lead was still allocated then.
            var referred = start.AddDays(-10);
            if (leading is not null && leading.StartedOn > referred
                && !await db.Allocations.AnyAsync(a => a.ChildId == child && a.Role == AllocationRole.Lead && a.EndedOn != null && a.EndedOn >= referred))
            {
                leading.CorrectStart(referred, null, today);
            }

            // Every looked-after girl's return says whether she is a mother (SSDA903 rule 393).
            var person = await db.People.SingleAsync(p => p.Id == child);
            if (person.Sex == Sex.Female)
            {
                person.RecordMotherhood(false, null, today);
            }
            var period = PeriodOfCare.Start(child, start, i == 0 ? "V2" : "C1", "N1", new Placement("U4", "PR1", "NB3 4QT", "Ashworth family", false, CouncilFosteringService), born, today, homePostcode: $"NB9 {i + 1}XY",
                previousPermanence: adopted ? new PreviousPermanence("P2", "935", start.Year - 4, 9, null) : new PreviousPermanence(PreviousPermanence.None, null, null, null, null),
                recordedById: lead);
            if (i >= 1)
            {
                period.ChangeLegalStatus(start.AddDays(35), "C2", today, lead);
                period.ChangePlacement(start.AddDays(70), new Placement("U4", "PR1", "NB7 2LD", "Okoro family", i >= 2, CouncilFosteringService), false, today, reasonForChange: i == 1 ? "CREQO" : "CARPL", dateOfBirth: born, recordedById: lead);
            }

            if (i == 0)
            {
                // The first child moved to an aunt approved temporarily as a foster carer (regulation 24): visited at least
                // every 4 weeks after the first review until she is approved (regulation 28(4)).
                period.ChangePlacement(start.AddDays(40), new Placement("U3", "PR1", "NB4 6RS", "Aunt (Morag Ellison)", false, CouncilFosteringService, PlacementApproval.ConnectedPersonTemporary),
                    false, today, reasonForChange: "CARPL", dateOfBirth: born, recordedById: lead);
            }

            period.RecordVisit(start.AddDays(5), true, false, today);
            if (i == 0)
            {
                period.RecordVisit(today.AddDays(-6), true, true, today);
            }

            if (i != 1)
            {
                // The second child's visit after the move is overdue.
                period.RecordVisit(today.AddDays(-20), true, true, today);
            }

            // A child under 4 at the review takes part as PN0 (SSDA903 rules 440 and 441).
            var reviewedOn = calendar.AddWorkingDays(start, 18);
            var review = period.RecordReview(reviewedOn, reviewedOn < born.AddYears(4) ? "PN0" : "PN1", reviewingOfficer, today, born, recordedById: reviewingOfficer);
            if (i == 1)
            {
                // The second child's first review was recorded a day late; the team manager corrected it.
                var from = period.CorrectReviewDate(review.Id, calendar.AddWorkingDays(start, 17), today);
                db.Corrections.Add(new Correction(child, CorrectedRecord.LookedAfterReview, review.Id, from, review.HeldOn,
                    "The review met the day before: the date the minutes were sent was typed instead.", manager, asManager: true, clock.GetUtcNow().UtcDateTime.AddDays(-3)));
            }

            db.PeriodsOfCare.Add(period);
        }

        // An unaccompanied asylum-seeking child: the oldest looked-after child over 13, UASC from shortly before care began.
        var cared = db.PeriodsOfCare.Local.Select(p => (p.ChildId, p.StartedOn)).ToList();
        if (cared.Where(c => births[c.ChildId] is { } b && b <= today.AddYears(-13)).OrderBy(c => births[c.ChildId]).FirstOrDefault() is { ChildId: var uasc, StartedOn: var began } && uasc != Guid.Empty)
        {
            var person = await db.People.SingleAsync(p => p.Id == uasc);
            person.RecordUascStatus(true, began.AddDays(-14), null, today);
        }

        await SupportedAccommodationAsync(team, today, reviewingOfficer);
    }

    /// <summary>A 16-year-old accommodated under section 20 and living in registered supported accommodation (K3).</summary>
    private async Task SupportedAccommodationAsync(Guid team, DateOnly today, Guid reviewingOfficer)
    {
        var referred = db.Referrals.Select(r => r.ChildId);
        var allocated = db.Allocations.Where(a => a.EndedOn == null).Select(a => a.ChildId);
        var start = today.AddDays(-40);
        var youngPerson = await db.People
            .Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth != null
                && p.DateOfBirth <= start.AddYears(-16) && p.DateOfBirth > today.AddYears(-17)
                && !referred.Contains(p.Id) && !allocated.Contains(p.Id))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.DateOfBirth })
            .FirstOrDefaultAsync();
        if (youngPerson is null)
        {
            return;
        }

        var worker = await db.Teams.Where(t => t.Id == team).SelectMany(t => t.Members.Where(m => m.UserId != t.ManagerId)).Select(m => m.UserId).FirstAsync();
        var manager = await db.Teams.Where(t => t.Id == team).Select(t => t.ManagerId!.Value).SingleAsync();
        DemoAllocations.Add(db, youngPerson.Id, worker, team, AllocationRole.Lead, start.AddDays(-10), manager);
        db.Referrals.Add(new Referral(youngPerson.Id, null, start.AddDays(-10), "6", "N4", team, false, null, calendar));
        if (await db.People.SingleAsync(p => p.Id == youngPerson.Id) is { Sex: Sex.Female } girl)
        {
            girl.RecordMotherhood(false, null, today);
        }

        var flats = new Placement("K3", "PR4", "NB4 6SR", "Station Road supported flats", false, "2654321");
        var period = PeriodOfCare.Start(youngPerson.Id, start, "V2", "N4", flats, youngPerson.DateOfBirth, today, homePostcode: "NB2 8HQ",
            previousPermanence: new PreviousPermanence(PreviousPermanence.None, null, null, null, null), recordedById: worker);
        period.RecordVisit(start.AddDays(4), true, true, today);
        period.RecordReview(calendar.AddWorkingDays(start, 18), "PN1", reviewingOfficer, today);
        db.PeriodsOfCare.Add(period);
    }

    /// <summary>
    /// Children the team's workers lead with no referral yet (the front door's referrals are its own); in a
    /// small seed, children nobody holds are allocated to the team's workers to make up the number.
    /// </summary>
    private async Task<List<Guid>> ChildrenForAsync(Guid team, int wanted, DateOnly today)
    {
        var referred = db.Referrals.Select(r => r.ChildId);
        var children = db.People.Where(p => p.Type == PersonType.Child && p.DateOfBirth != null && p.Restriction == null
            && p.DateOfBirth < today.AddYears(-2) && p.DateOfBirth > today.AddYears(-16) && !referred.Contains(p.Id));
        var held = await db.Allocations
            .Where(a => a.TeamId == team && a.EndedOn == null && a.Role == AllocationRole.Lead)
            .Join(children, a => a.ChildId, p => p.Id, (a, p) => new { p.Id, p.FamilyName })
            .OrderBy(x => x.FamilyName).ThenBy(x => x.Id).Select(x => x.Id).Take(wanted).ToListAsync();
        if (held.Count < wanted)
        {
            var members = await db.Teams.Where(t => t.Id == team).SelectMany(t => t.Members.Where(m => m.UserId != t.ManagerId)).Select(m => m.UserId).ToListAsync();
            var manager = await db.Teams.Where(t => t.Id == team).Select(t => t.ManagerId!.Value).SingleAsync();
            var allocated = db.Allocations.Where(a => a.EndedOn == null).Select(a => a.ChildId);
            var free = await children.Where(p => !allocated.Contains(p.Id)).OrderBy(p => p.FamilyName).ThenBy(p => p.Id).Select(p => p.Id).Take(wanted - held.Count).ToListAsync();
            for (var i = 0; i < free.Count && members.Count > 0; i++)
            {
                DemoAllocations.Add(db, free[i], members[i % members.Count], team, AllocationRole.Lead, today.AddYears(-1), manager);
            }

            await db.SaveChangesAsync();
            held.AddRange(free);
        }

        return held;
    }
}
