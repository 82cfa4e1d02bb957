using ChildrenServices.Application;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Infrastructure.Persistence;

namespace ChildrenServices.DemoData;

/// <summary>
/// The history of one synthetic family over the years the council generator covers, built with the domain's own
/// constructors and methods (the child's case for allocations and closures, the plans, the period of care), so every
/// rule they keep holds. Contacts come to the front door, most ending in advice or no further action; some open early
/// help, some a referral, an assessment of varying length and then a child in need plan, a section 47 enquiry and a
/// child protection plan lasting months to years, or care with moves, visits and reviews; workers write case notes as
/// they go. A family may come back after its involvement ends (a re-referral when within twelve months). Whatever is
/// still going on today is left open, as a live council's is. A step the domain refuses is not recorded: the refusal
/// is counted (<see cref="CouncilCounts.Refusals"/>) and the family's history stops there.
/// </summary>
internal sealed class CouncilHistory(AppDbContext db, CouncilWorkforce workforce, Random random, DateOnly today, DateTime nowUtc, CouncilCounts counts)
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly string[] Factors = [.. DfeCodes.AssessmentFactors.Codes.Where(c => c.ValidToYear is null && c.Value != DfeCodes.NoFactorsIdentified).Select(c => c.Value)];
    private static readonly string[] Categories = ["NEG", "NEG", "NEG", "EMO", "EMO", "PHY", "SAB", "MUL"];
    private static readonly string[] Needs = ["N1", "N1", "N1", "N2", "N3", "N4", "N4", "N5", "N6", "N7", "N8", "N9"];
    private const string CouncilFostering = "SC482910";

    private readonly List<Kid> kids = [];
    private Locality place = null!;
    private string family = string.Empty;
    private Person mother = null!;
    private EarlyHelpEpisode? episode;
    private CouncilTeam? episodeTeam;

    /// <summary>A child of the family and what is open for them now, as the child's case would be loaded.</summary>
    private sealed class Kid(Person person, DateOnly born)
    {
        public Person Person { get; } = person;

        public Guid Id => Person.Id;

        public DateOnly Born { get; } = born;

        public List<Allocation> Allocations { get; } = [];

        public Referral? Open { get; set; }

        public Referral? Last { get; set; }

        public ChildInNeedPlan? Cin { get; set; }

        public ChildProtectionPlan? Cp { get; set; }

        public PeriodOfCare? Care { get; set; }

        public ReviewingOfficerAllocation? Iro { get; set; }

        public bool Section47 { get; set; }

        public ChildAndFamilyAssessment? Assessment { get; set; }

        /// <summary>The day the open assessment is to be authorised.</summary>
        public DateOnly AssessmentDue { get; set; }

        public ChildCase Case() => new(Id, Allocations, Open, new OpenOnCase(
            ChildInNeedPlan: Cin is { IsOpen: true }, ChildProtectionPlan: Cp is { EndedOn: null }, Section47Enquiry: Section47, PeriodOfCare: Care is { EndedOn: null },
            UnauthorisedAssessment: Assessment is { Status: not AssessmentStatus.Authorised }, AuthorisedAssessment: Assessment is { Status: AssessmentStatus.Authorised }));

        public Guid? LeadWorker => Allocations.FirstOrDefault(a => a.EndedOn is null && a.Role == AllocationRole.Lead)?.WorkerId;

        public DateOnly EighteenOn => Born.AddYears(18);
    }

    /// <summary>Thrown to stop a family's history when it reaches today with something still open.</summary>
    private sealed class StillOpen : Exception;

    /// <summary>Builds family <paramref name="number"/> from its first contact, a day in the years covered.</summary>
    public int Build(int number, int years, List<(Guid Child, Guid Manager)> restrictions)
    {
        place = workforce.Places[number % workforce.Places.Count];
        var first = today.AddDays(-random.Next(0, (years * 365) + 1));
        var household = People(first);
        try
        {
            var next = first;
            for (var involvement = 0; involvement < 5; involvement++)
            {
                var ended = Involvement(next);
                if (random.NextDouble() > (involvement == 0 ? 0.45 : 0.3))
                {
                    break;
                }

                next = ended.AddDays(random.NextDouble() < 0.35 ? random.Next(20, 365) : random.Next(365, 1200));
                if (next > today)
                {
                    break;
                }
            }
        }
        catch (StillOpen)
        {
            // Something is still going on today: the family is open now, and a few records are restricted.
            if (random.NextDouble() < 0.005 && kids.FirstOrDefault(k => k.Open is not null) is { } open
                && open.Allocations.FirstOrDefault(a => a.EndedOn is null && a.Role == AllocationRole.Lead) is { } lead)
            {
                restrictions.Add((open.Id, ManagerOf(lead.TeamId)));
            }
        }
        catch (DomainRuleException refused)
        {
            counts.Refused(refused.Message);
        }

        return household;
    }

    private Guid ManagerOf(Guid team) =>
        workforce.Places.SelectMany(p => p.Assessment.Concat(p.ChildInNeedAndProtection).Concat(p.EarlyHelp)).Concat(workforce.LookedAfter).First(t => t.Id == team).ManagerId;

    /// <summary>Stops the history here when <paramref name="date"/> has not come yet.</summary>
    private DateOnly Until(DateOnly date) => date > today ? throw new StillOpen() : date;

    private int People(DateOnly first)
    {
        family = DemoDataSeeder.FamilyNames[random.Next(DemoDataSeeder.FamilyNames.Length)];
        var town = DemoDataSeeder.Towns[random.Next(DemoDataSeeder.Towns.Length)];
        var moved = first.AddDays(-random.Next(60, 3000));
        var household = new Household($"{family} household, {town}");
        db.Households.Add(household);
        var street = $"{random.Next(1, 180)} {DemoDataSeeder.Streets[random.Next(DemoDataSeeder.Streets.Length)]}";
        var postcode = $"NB{random.Next(1, 20)} {random.Next(1, 9)}{(char)('A' + random.Next(0, 20))}{(char)('A' + random.Next(0, 20))}";
        var language = DemoDataSeeder.Languages[random.Next(DemoDataSeeder.Languages.Length)];
        var ethnicity = DemoDataSeeder.Ethnicities[random.Next(DemoDataSeeder.Ethnicities.Length)];
        var adults = new List<Person>();
        mother = DemoDataSeeder.Adult(random, DemoDataSeeder.AdultFemale, family, Sex.Female, language, ethnicity, first);
        adults.Add(mother);
        if (random.NextDouble() < 0.5)
        {
            adults.Add(DemoDataSeeder.Adult(random, DemoDataSeeder.AdultMale, random.NextDouble() < 0.7 ? family : DemoDataSeeder.FamilyNames[random.Next(DemoDataSeeder.FamilyNames.Length)], Sex.Male, language, ethnicity, first));
        }

        foreach (var adult in adults)
        {
            adult.MoveTo(street, null, town, postcode, moved);
            db.People.Add(adult);
            household.Join(adult.Id, moved);
        }

        var count = random.NextDouble() < 0.35 ? 1 : random.Next(1, 5);
        for (var c = 0; c < count; c++)
        {
            // Born before the family's first contact, so everything recorded about them comes after their birth.
            var child = DemoDataSeeder.Child(random, family, false, language, ethnicity, first.AddDays(-30));
            var born = child.DateOfBirth!.Value;
            child.MoveTo(street, null, town, postcode, born > moved ? born : moved);
            household.Join(child.Id, born > moved ? born : moved);
            db.People.Add(child);
            foreach (var adult in adults)
            {
                db.Relationships.Add(new Relationship(child.Id, adult.Id, RelationshipKind.Parent, true, null));
            }

            foreach (var sibling in kids)
            {
                db.Relationships.Add(new Relationship(sibling.Id, child.Id, RelationshipKind.Sibling, false, null));
            }

            kids.Add(new Kid(child, born));
        }

        counts.Children += count;
        return count;
    }

    /// <summary>One contact and whatever follows it; returns the day it all ended (or throws <see cref="StillOpen"/>).</summary>
    private DateOnly Involvement(DateOnly on)
    {
        var children = kids.Where(k => k.EighteenOn.AddYears(-1) > on).ToList();
        if (children.Count == 0)
        {
            return on;
        }

        var roll = random.NextDouble();
        var outcome = roll switch
        {
            < 0.13 => ContactOutcome.NoFurtherAction,
            < 0.30 => ContactOutcome.AdviceAndSignposting,
            < 0.42 => ContactOutcome.AdviceOnly,
            < 0.64 => ContactOutcome.EarlyHelp,
            < 0.95 => ContactOutcome.Referral,
            _ => ContactOutcome.StrategyDiscussion,
        };
        var (contact, decidedOn) = Contact(on, children, outcome);
        return outcome switch
        {
            ContactOutcome.EarlyHelp => EarlyHelp(children, Until(decidedOn.AddDays(random.Next(1, 8))), place.EarlyHelp[random.Next(place.EarlyHelp.Count)], null),
            ContactOutcome.Referral or ContactOutcome.StrategyDiscussion => Referral(children, decidedOn, contact.Id, contact.Referrer.SourceCode, outcome == ContactOutcome.StrategyDiscussion),
            _ => decidedOn,
        };
    }

    private (Contact Contact, DateOnly DecidedOn) Contact(DateOnly on, List<Kid> children, ContactOutcome outcome)
    {
        var received = UkTime.ToUtc(on.ToDateTime(new TimeOnly(random.Next(7, 20), random.Next(0, 60))));
        if (received > nowUtc)
        {
            throw new StillOpen();
        }

        var route = outcome == ContactOutcome.AdviceOnly ? ContactRoute.PhoneConsultation
            : new[] { ContactRoute.Email, ContactRoute.PoliceNotification, ContactRoute.PoliceNotification, ContactRoute.PhoneConsultation, ContactRoute.OnlineRequest, ContactRoute.InPerson }[random.Next(6)];
        var (name, agency, role, source) = Referrers[route == ContactRoute.PoliceNotification ? 0 : random.Next(Referrers.Length)];
        var practitioner = workforce.FrontDoor.AnyWorker(random);
        var contact = Domain.FrontDoor.Contact.Record(counts.NewReference(random), route, received, FrontDoorClock.DecisionDueUtc(received, Calendar),
            new Referrer(name, agency, role, $"01632 960{random.Next(100, 999)}", null, source),
            new ContactAccount(FrontDoorDaySeeder.Concerns[random.Next(FrontDoorDaySeeder.Concerns.Length)], random.NextDouble() < 0.7 ? "Mum is warm with the children and asks for help when she needs it." : null, null, null),
            random.NextDouble() < 0.85 ? ConsentToShare.Given : ConsentToShare.Overridden, "Asking the parents first could put the children at greater risk.",
            outcome == ContactOutcome.StrategyDiscussion ? ContactUrgency.Immediate : ContactUrgency.Routine, practitioner, received.AddMinutes(random.Next(5, 40)));
        foreach (var child in children)
        {
            contact.LinkPerson(child.Id, ContactPersonRole.Child);
        }

        contact.LinkPerson(mother.Id, ContactPersonRole.Adult);
        if (outcome == ContactOutcome.AdviceOnly)
        {
            contact.RecordConsultation(new Consultation("Talked through what the caller has seen and what they have tried; no disclosure and no injuries.",
                "The caller is best placed to support the family: offer the breakfast club and an early help assessment if mum agrees.", BestPlaced.Caller,
                "Ring back if anything changes.", null, practitioner, received.AddMinutes(30)), [new AgreedAction("Meet mum and offer the breakfast club", "Caller", null)]);
        }

        db.Contacts.Add(contact);
        counts.Contacts++;

        // Most are decided within hours; about one in twelve misses the next working day.
        var decidedAt = random.NextDouble() < 0.08 ? contact.DecisionDueAtUtc.AddHours(random.Next(1, 30)) : received.AddHours(random.Next(1, 7));
        if (decidedAt > nowUtc)
        {
            throw new StillOpen();
        }

        var opens = outcome.OpensReferral();
        contact.Decide(new DecisionDetails(outcome, Rationales[(int)outcome % Rationales.Length], opens ? source : null, opens ? Needs[random.Next(Needs.Length)] : null,
            opens ? place.Assessment[random.Next(place.Assessment.Count)].Id : outcome == ContactOutcome.EarlyHelp ? place.EarlyHelp[0].Id : null),
            needsSignOff: false, practitioner, decidedAt);
        return (contact, DateOnly.FromDateTime(UkTime.ToLocal(decidedAt)));
    }

    // ---- Social care: referral, assessment and what follows ----
    private DateOnly Referral(List<Kid> children, DateOnly on, Guid? contactId, string source, bool strategy)
    {
        var team = place.Assessment[random.Next(place.Assessment.Count)];
        var referred = children.Where(k => k.Open is null && k.EighteenOn.AddYears(-1) > on).ToList();
        if (referred.Count == 0)
        {
            return on;
        }

        var need = contactId is null ? "N1" : Needs[random.Next(Needs.Length)];
        foreach (var kid in referred)
        {
            kid.Open = new Referral(kid.Id, contactId, on, source, need, team.Id, strategy, kid.Last, Calendar);
            db.Referrals.Add(kid.Open);
            counts.Referrals++;
        }

        var worker = team.AnyWorker(random);
        var allocated = Until(Calendar.AddWorkingDays(on, random.Next(0, 3)));
        foreach (var kid in referred)
        {
            Track(kid, kid.Case().Allocate(worker, team.Id, AllocationRole.Lead, allocated, team.ManagerId));
        }

        if (strategy)
        {
            return Enquiry(referred, Calendar.AddWorkingDays(on, random.Next(0, 2)), team, worker);
        }

        var outcome = random.NextDouble() switch
        {
            < 0.40 => AssessmentOutcome.NoFurtherAction,
            < 0.53 => AssessmentOutcome.EarlyHelp,
            < 0.89 => AssessmentOutcome.ChildInNeedPlan,
            < 0.95 => AssessmentOutcome.StrategyDiscussion,
            _ => AssessmentOutcome.LookedAfter,
        };
        var authorised = FinishAssessment(referred, team, worker, outcome, StartAssessment(referred, worker));
        return outcome switch
        {
            AssessmentOutcome.NoFurtherAction => CloseAfterAssessment(referred, authorised, section47: false),
            AssessmentOutcome.EarlyHelp => StepDown(referred, authorised, team, worker, StepDownStage.EndOfAssessment),
            AssessmentOutcome.ChildInNeedPlan => ChildInNeed(referred, Until(Calendar.AddWorkingDays(authorised, random.Next(1, 6))), team),
            AssessmentOutcome.StrategyDiscussion => Enquiry(referred, Until(Calendar.AddWorkingDays(authorised, random.Next(0, 3))), team, worker),
            _ when referred.Any(k => k.EighteenOn.AddYears(-1) <= authorised) => ChildInNeed(referred, Until(Calendar.AddWorkingDays(authorised, random.Next(1, 6))), team),
            _ => Care(referred, Until(authorised.AddDays(random.Next(1, 20))), team),
        };
    }

    /// <summary>
    /// A child and family assessment for each child, seen during it: most are to be authorised within 45 working days
    /// of the referral, some later. Returns the day it is to be authorised.
    /// </summary>
    private DateOnly StartAssessment(List<Kid> children, Guid worker)
    {
        var referralDate = children[0].Open!.ReferralDate;
        var started = Until(Calendar.AddWorkingDays(referralDate, random.Next(0, 3)));
        var length = random.NextDouble() switch
        {
            < 0.50 => random.Next(12, 35),
            < 0.84 => random.Next(35, 46),
            _ => random.Next(46, 80),
        };
        var due = Calendar.AddWorkingDays(referralDate, Math.Max(length, Calendar.WorkingDaysBetween(referralDate, started) + 4));
        foreach (var kid in children)
        {
            var assessment = new ChildAndFamilyAssessment(kid.Open!, started, worker, today);
            db.ChildAndFamilyAssessments.Add(assessment);
            kid.Assessment = assessment;
            kid.AssessmentDue = due;
            counts.Assessments++;
            var seen = Calendar.AddWorkingDays(started, random.Next(0, 4));
            if (seen <= today)
            {
                assessment.RecordSeen(seen, alone: random.NextDouble() < 0.5, today);
            }

            if (Calendar.AddWorkingDays(started, 12) is var again && again < due && again <= today)
            {
                assessment.RecordSeen(again, alone: true, today);
            }
        }

        return due;
    }

    /// <summary>
    /// The worker sends the assessment for authorisation (with the reason when it is late) and the manager authorises it
    /// on <paramref name="authorised"/>. Returns that day.
    /// </summary>
    private DateOnly FinishAssessment(List<Kid> children, CouncilTeam team, Guid worker, AssessmentOutcome outcome, DateOnly authorised)
    {
        var started = children[0].Assessment!.StartedOn;
        var submitted = Max(started, Calendar.AddWorkingDays(authorised, -random.Next(1, 3)));
        Notes(children, worker, started, Min(submitted, today), statutory: true);
        Until(submitted);
        foreach (var kid in children)
        {
            var assessment = kid.Assessment!;
            if (assessment.Seen.Count == 0)
            {
                assessment.RecordSeen(submitted, alone: false, today);
            }

            assessment.Record(Analysis, Factors.OrderBy(_ => random.Next()).Take(random.Next(1, 4)), outcome,
                authorised > assessment.DueOn ? "The family moved address during the assessment and the police checks took three weeks to come back." : null);
            assessment.Submit(submitted);
            var request = ApprovalRequest.AssessmentAuthorisation(team.Id, kid.Id, assessment.Id, $"Outcome: {outcome.Describe()}.", worker, At(submitted, 15));
            db.ApprovalRequests.Add(request);
            if (authorised > today)
            {
                continue;
            }

            request.Decide(true, "The analysis is clear and the outcome follows from it.", team.ManagerId, true, At(authorised, 11));
            assessment.Authorise(team.ManagerId, authorised);
        }

        return Until(authorised);
    }

    /// <param name="section47">A section 47 enquiry was held on the referral: it closes RC7, not RC8 (CIN census rule 2990).</param>
    private DateOnly CloseAfterAssessment(List<Kid> children, DateOnly on, bool section47)
    {
        foreach (var kid in children)
        {
            var referral = kid.Open!;
            var childCase = kid.Case();
            childCase.CloseAfterAssessment(referral, on, section47);
            Closed(kid);
        }

        return EndEarlyHelpAlongside(on);
    }

    private void Closed(Kid kid)
    {
        kid.Last = kid.Open;
        kid.Open = null;
        kid.Assessment = null;
        kid.Section47 = false;
    }

    /// <summary>A step-down to early help, asked for by the worker and approved by the manager: the keyworker leads.</summary>
    private DateOnly StepDown(List<Kid> children, DateOnly on, CouncilTeam team, Guid worker, StepDownStage stage)
    {
        var requested = Until(on);
        var decided = Until(Calendar.AddWorkingDays(requested, random.Next(0, 4)));
        var request = ApprovalRequest.StepDown(stage, team.Id, children.Select(k => k.Id),
            "The family's needs can now be met by early help: mum is engaging, school attendance is up and the worries at referral have eased.", worker, At(requested, 14));
        db.ApprovalRequests.Add(request);
        request.Decide(true, "Agreed: the keyworker will take the family and the plan carries on under early help.", team.ManagerId, true, At(decided, 10));
        counts.StepDowns++;
        var earlyHelp = episodeTeam ?? place.EarlyHelp[random.Next(place.EarlyHelp.Count)];
        var keyworker = episode?.KeyworkerId ?? earlyHelp.AnyWorker(random);
        var earlyHelpTeams = place.EarlyHelp.Select(t => t.Id).ToList();
        foreach (var kid in children)
        {
            if (kid.Cin is { IsOpen: true } plan)
            {
                plan.End(Latest(decided, plan), "Stepped down to early help (approved)", today);
            }

            Track(kid, kid.Case().StepDown(keyworker, earlyHelp.Id, earlyHelpTeams, request.StepDownReasonCode!, decided, team.ManagerId));
            Closed(kid);
        }

        if (episode is not null)
        {
            // The keyworker stayed with the family through the step-up: the episode carries on.
            return EarlyHelpUntilEnd(children, decided);
        }

        return EarlyHelp(children, decided, earlyHelp, keyworker);
    }

    private static DateOnly Latest(DateOnly on, ChildInNeedPlan plan) =>
        new[] { on, plan.StartedOn, plan.LatestReview ?? plan.StartedOn, plan.Visits.Select(v => v.VisitedOn).DefaultIfEmpty(plan.StartedOn).Max() }.Max();

    /// <summary>The case moves to a team in the locality's child in need and protection service and a plan starts.</summary>
    private DateOnly ChildInNeed(List<Kid> children, DateOnly start, CouncilTeam from)
    {
        var (team, worker) = Transfer(children, start, from, place.ChildInNeedAndProtection);
        foreach (var kid in children)
        {
            kid.Cin = new ChildInNeedPlan(kid.Open!, start, today);
            db.ChildInNeedPlans.Add(kid.Cin);
            counts.ChildInNeedPlans++;
        }

        var planned = start.AddDays(random.Next(90, 480));
        var escalates = random.NextDouble() < 0.08;
        if (escalates)
        {
            planned = start.AddDays(random.Next(30, 150));
        }

        Notes(children, worker, start, Min(planned, today), statutory: true);
        var last = start;
        var visit = start;
        var review = start.AddDays(random.Next(60, 95));
        while (true)
        {
            visit = Calendar.AddWorkingDays(visit, random.NextDouble() < 0.12 ? random.Next(21, 32) : random.Next(8, 21));
            while (review <= visit && review <= planned)
            {
                Until(review);
                foreach (var kid in children)
                {
                    kid.Cin!.RecordReview(review, "The plan is working: attendance up and the family engaging; next review in three months.", today, worker);
                    counts.Reviews++;
                }

                review = review.AddDays(random.Next(80, 100));
            }

            if (visit > planned)
            {
                break;
            }

            Until(visit);
            foreach (var kid in children)
            {
                kid.Cin!.RecordVisit(visit, true, random.NextDouble() < 0.55, today, worker);
                counts.Visits++;
            }

            last = visit;
        }

        var ends = Until(Calendar.AddWorkingDays(last, random.Next(1, 5)));
        if (escalates)
        {
            return Enquiry(children, Until(children.Max(k => Latest(ends, k.Cin!))), team, worker);
        }

        if (random.NextDouble() < 0.18)
        {
            return StepDown(children, ends, team, worker, StepDownStage.ChildInNeedPlan);
        }

        foreach (var kid in children)
        {
            kid.Cin!.End(Until(Latest(ends, kid.Cin)), "The plan's outcomes are met: the family no longer needs a child in need plan.", today);
        }

        ends = children.Max(k => k.Cin!.EndedOn!.Value);

        return Close(children, ends, "RC7");
    }

    /// <summary>Closure approved by the manager: the referral closes with the reason and the holding team's allocations end.</summary>
    private DateOnly Close(List<Kid> children, DateOnly on, string reason)
    {
        foreach (var kid in children)
        {
            var team = kid.Open!.TeamId;
            var requestedBy = kid.LeadWorker ?? workforce.FrontDoor.Workers[0];
            var request = ApprovalRequest.CaseClosure(team, kid.Id, reason, "The plan's outcomes are met and the family agree; nothing statutory remains open.", requestedBy, At(on, 12));
            db.ApprovalRequests.Add(request);
            request.Decide(true, "Agreed: close the case.", ManagerOf(team), true, At(on, 16));
            kid.Case().Close(reason, on);
            Closed(kid);
        }

        return EndEarlyHelpAlongside(on);
    }

    /// <summary>
    /// A strategy discussion decides on a section 47 enquiry; most lead to an initial conference, most of which make a
    /// child protection plan (ending any child in need plan that day).
    /// </summary>
    private DateOnly Enquiry(List<Kid> children, DateOnly strategy, CouncilTeam team, Guid worker)
    {
        Until(strategy);
        var enquiries = new List<(Kid Kid, ChildProtectionEnquiry Enquiry)>();
        foreach (var kid in children)
        {
            var enquiry = new ChildProtectionEnquiry(kid.Open!, strategy, "Police, school, health visitor", true,
                "Reasonable cause to suspect the child is suffering, or likely to suffer, significant harm.", Calendar, today);
            db.ChildProtectionEnquiries.Add(enquiry);
            kid.Section47 = true;
            enquiries.Add((kid, enquiry));
            counts.Enquiries++;
        }

        if (children[0].Assessment is null)
        {
            // Straight to a strategy discussion from the front door: the assessment runs alongside the enquiry.
            StartAssessment(children, worker);
        }

        var concluded = Until(Calendar.AddWorkingDays(strategy, random.Next(3, 11)));
        var conference = random.NextDouble() < 0.68;
        foreach (var (kid, enquiry) in enquiries)
        {
            enquiry.RecordSection47Outcome(concluded, "Concerns substantiated: the child is likely to suffer significant harm without a plan.", conference, today);
            kid.Section47 = conference;
        }

        if (!conference)
        {
            // No conference: the assessment carries on, or the plan the child already has.
            if (children[0].Cin is { IsOpen: true })
            {
                return ChildInNeedCarriesOn(children, concluded, team, worker);
            }

            if (children[0].Assessment is { Status: not AssessmentStatus.Authorised })
            {
                var needed = random.NextDouble() < 0.6;
                var authorised = FinishAssessment(children, team, worker, needed ? AssessmentOutcome.ChildInNeedPlan : AssessmentOutcome.NoFurtherAction,
                    Max(children[0].AssessmentDue, Calendar.AddWorkingDays(concluded, 1)));
                return needed ? ChildInNeed(children, Until(Calendar.AddWorkingDays(authorised, random.Next(1, 5))), team) : CloseAfterAssessment(children, authorised, section47: true);
            }

            return ChildInNeed(children, Until(Calendar.AddWorkingDays(concluded, random.Next(1, 5))), team);
        }

        var held = Until(Calendar.AddWorkingDays(strategy, random.NextDouble() < 0.8 ? random.Next(Math.Max(9, Calendar.WorkingDaysBetween(strategy, concluded) + 1), 16) : random.Next(16, 26)));
        if (held <= concluded)
        {
            held = Until(Calendar.AddWorkingDays(concluded, 1));
        }

        var chair = workforce.ReviewingOfficers[random.Next(workforce.ReviewingOfficers.Count)];
        var category = Categories[random.Next(Categories.Length)];
        var plan = random.NextDouble() < 0.87;
        foreach (var (kid, enquiry) in enquiries)
        {
            enquiry.RecordConference(held, plan ? ConferenceOutcome.ChildProtectionPlan : ConferenceOutcome.ChildInNeedPlan, plan ? category : null, chair, today);
            kid.Section47 = false;
        }

        if (!plan)
        {
            if (children[0].Cin is { IsOpen: true })
            {
                return ChildInNeedCarriesOn(children, held, team, worker);
            }

            var authorised = children[0].Assessment is { Status: not AssessmentStatus.Authorised }
                ? FinishAssessment(children, team, worker, AssessmentOutcome.ChildInNeedPlan, Max(children[0].AssessmentDue, Calendar.AddWorkingDays(held, 1)))
                : held;
            return ChildInNeed(children, Until(Calendar.AddWorkingDays(authorised, random.Next(1, 4))), team);
        }

        // The assessment open alongside the enquiry is authorised by the conference's date.
        if (children[0].Assessment is { Status: not AssessmentStatus.Authorised })
        {
            FinishAssessment(children, team, worker, AssessmentOutcome.StrategyDiscussion, held);
        }

        return ChildProtection(children, enquiries, held, team, chair);
    }

    /// <summary>The child in need plan goes on after an enquiry that led to no conference, or a conference that made no plan.</summary>
    private DateOnly ChildInNeedCarriesOn(List<Kid> children, DateOnly from, CouncilTeam team, Guid worker)
    {
        var ends = Until(from.AddDays(random.Next(30, 120)));
        foreach (var kid in children)
        {
            kid.Cin!.RecordVisit(Until(Calendar.AddWorkingDays(from, 5)), true, true, today, worker);
            kid.Cin.End(Until(Latest(ends, kid.Cin)), "The plan's outcomes are met after the enquiry.", today);
        }

        Notes(children, worker, from, ends, statutory: true);
        return Close(children, ends, "RC7");
    }

    private DateOnly ChildProtection(List<Kid> children, List<(Kid Kid, ChildProtectionEnquiry Enquiry)> enquiries, DateOnly start, CouncilTeam from, Guid chair)
    {
        var (team, worker) = from.Kind == Domain.Teams.TeamKind.Assessment ? Transfer(children, start, from, place.ChildInNeedAndProtection) : (from, children[0].LeadWorker ?? from.AnyWorker(random));
        foreach (var (kid, enquiry) in enquiries)
        {
            if (kid.Cin is { IsOpen: true } cin)
            {
                cin.EndAsChildProtectionPlanStarts(start);
            }

            kid.Cp = new ChildProtectionPlan(enquiry, kid.Last is null || random.NextDouble() < 0.9 ? 0 : 1);
            db.ChildProtectionPlans.Add(kid.Cp);
            counts.ChildProtectionPlans++;
        }

        var months = random.NextDouble() switch
        {
            < 0.62 => random.Next(4, 12),
            < 0.92 => random.Next(12, 24),
            _ => random.Next(24, 34),
        };
        var intended = start.AddMonths(months);
        var intoCare = random.NextDouble() < 0.22 && children.All(k => k.EighteenOn.AddYears(-2) > intended);
        var careOn = intoCare ? start.AddDays(random.Next(20, Math.Max(21, intended.DayNumber - start.DayNumber))) : DateOnly.MaxValue;
        var youngest18 = children.Min(k => k.EighteenOn).AddDays(-14);
        if (intended > youngest18)
        {
            intended = youngest18;
        }

        Notes(children, worker, start, Min(Min(intended, careOn), today), statutory: true);
        var core = Calendar.AddWorkingDays(start, random.Next(4, 10));
        Until(core > careOn ? start : core);
        foreach (var kid in children)
        {
            kid.Cp!.RecordCoreGroup(core > careOn ? start : core, today);
        }

        var visit = start;
        var review = Calendar.WorkingDayOnOrBefore(start.AddMonths(3).AddDays(random.NextDouble() < 0.9 ? -random.Next(0, 15) : random.Next(3, 25)));
        while (true)
        {
            visit = Calendar.AddWorkingDays(visit, random.NextDouble() < 0.1 ? random.Next(11, 16) : random.Next(4, 11));
            if (intoCare && visit >= careOn)
            {
                break;
            }

            if (review <= visit)
            {
                Until(review);
                var ends = review >= intended;
                foreach (var kid in children)
                {
                    kid.Cp!.RecordReview(review, !ends, kid.Cp.LatestCategory, ends ? "The plan has achieved its aims: step down to a child in need plan or close." : "Progress is slow: the plan continues.", chair, today);
                    counts.Reviews++;
                }

                if (ends)
                {
                    return AfterProtection(children, review, team, worker);
                }

                review = Calendar.WorkingDayOnOrBefore(review.AddMonths(6).AddDays(random.NextDouble() < 0.9 ? -random.Next(0, 15) : random.Next(3, 25)));
            }

            Until(visit);
            foreach (var kid in children)
            {
                kid.Cp!.RecordVisit(visit, true, random.NextDouble() < 0.6, today, worker);
                counts.Visits++;
            }
        }

        // Care began while the plan was open: local policy ends the plan that day.
        Until(careOn);
        foreach (var kid in children)
        {
            kid.Cp!.EndOutsideConference(careOn, ChildProtectionPlanEnd.BecameLookedAfter,
                "Care proceedings were issued and the court made an interim care order: the child is now looked after, and the plan ends under local policy.", kid.Born, today);
        }

        return Care(children, careOn, team);
    }

    private DateOnly AfterProtection(List<Kid> children, DateOnly ended, CouncilTeam team, Guid worker)
    {
        if (random.NextDouble() < 0.55 && children.All(k => k.EighteenOn.AddMonths(-8) > ended))
        {
            var start = Until(ended.AddDays(1));
            foreach (var kid in children)
            {
                kid.Cin = new ChildInNeedPlan(kid.Open!, start, today);
                db.ChildInNeedPlans.Add(kid.Cin);
                counts.ChildInNeedPlans++;
            }

            var ends = start.AddDays(random.Next(60, 240));
            Notes(children, worker, start, Min(ends, today), statutory: true);
            var visit = start;
            while (true)
            {
                visit = Calendar.AddWorkingDays(visit, random.Next(8, 22));
                if (visit > ends)
                {
                    break;
                }

                Until(visit);

                foreach (var kid in children)
                {
                    kid.Cin!.RecordVisit(visit, true, random.NextDouble() < 0.5, today, worker);
                    counts.Visits++;
                }
            }

            Until(ends);
            foreach (var kid in children)
            {
                kid.Cin!.End(Latest(ends, kid.Cin), "Stepped down from child protection; the plan's outcomes are now met.", today);
            }

            return Close(children, ends, "RC7");
        }

        return Close(children, ended, "RC7");
    }

    // ---- Looked after ----
    private DateOnly Care(List<Kid> children, DateOnly start, CouncilTeam from)
    {
        Until(start);
        var (team, worker) = Transfer(children, start, from, workforce.LookedAfter);
        // Every child's care is recorded up to today before the history stops for any still looked after.
        var left = children.Select(kid => OneChildInCare(kid, start, team, worker)).ToList();
        if (left.Any(l => l is null))
        {
            throw new StillOpen();
        }

        var latest = left.Max()!.Value;

        // Children who leave care go home; the case closes when the last of them has left.
        // The order the child left care under closes the case with it: a special guardianship order (RC4), a child arrangements order (RC3).
        var order = children.Select(k => k.Care!.ReasonCeased).ToList();
        return Close(children, latest, order.All(r => r is "E45" or "E46" or "E47" or "E48") ? "RC4" : order.All(r => r == "E41") ? "RC3" : "RC7");
    }

    private DateOnly? OneChildInCare(Kid kid, DateOnly start, CouncilTeam team, Guid worker)
    {
        var age = (start.DayNumber - kid.Born.DayNumber) / 365;
        var sixteen = age >= 16;
        var legal = sixteen ? "V2" : random.NextDouble() < 0.6 ? "C1" : "V2";
        var placement = Placement(kid.Born, start);
        var period = PeriodOfCare.Start(kid.Id, start, legal, random.NextDouble() < 0.7 ? "N1" : Needs[random.Next(Needs.Length - 1)], placement, kid.Born, today,
            homePostcode: $"NB{random.Next(1, 20)} {random.Next(1, 9)}HQ", previousPermanence: new PreviousPermanence(PreviousPermanence.None, null, null, null, null), recordedById: worker);
        db.PeriodsOfCare.Add(period);
        kid.Care = period;
        if (kid.Person.Sex == Sex.Female && kid.Person.IsMother is null)
        {
            // Every looked-after girl's return says whether she is a mother (SSDA903 rule 393).
            kid.Person.RecordMotherhood(false, null, today);
        }

        counts.PeriodsOfCare++;
        var officer = workforce.ReviewingOfficers[random.Next(workforce.ReviewingOfficers.Count)];
        kid.Iro = new ReviewingOfficerAllocation(kid.Id, officer, start, team.ManagerId);
        db.ReviewingOfficerAllocations.Add(kid.Iro);

        var leaves = start.AddDays(random.NextDouble() < 0.3 ? random.Next(30, 200) : random.Next(365, 1900));
        var adulthood = kid.EighteenOn.AddDays(-1);
        var leavesAt18 = leaves >= adulthood;
        if (leavesAt18)
        {
            leaves = adulthood;
        }

        // Everything in the period in date order, one thing a day; nothing on or after the day care ends.
        var index = 0;
        var events = new SortedList<DateOnly, Action>();
        void At(DateOnly on, Action action)
        {
            while (events.ContainsKey(on))
            {
                on = on.AddDays(1);
            }

            if (on < leaves)
            {
                events.Add(on, action);
            }
        }

        if (legal == "C1")
        {
            At(start.AddDays(random.Next(120, 280)), () => period.ChangeLegalStatus(events.Keys[index], "C2", today, worker));
        }

        for (var move = random.Next(0, 4); move > 0; move--)
        {
            var on = start.AddDays(random.Next(30, Math.Max(31, leaves.DayNumber - start.DayNumber)));
            At(on, () => period.ChangePlacement(events.Keys[index], NewPlacement(period, kid.Born, events.Keys[index]), false, today,
                reasonForChange: random.NextDouble() < 0.6 ? "CARPL" : "CREQO", dateOfBirth: kid.Born, recordedById: worker));
        }

        var visit = start.AddDays(random.Next(1, 7));
        while (visit < leaves)
        {
            At(visit, () => { period.RecordVisit(events.Keys[index], true, random.NextDouble() < 0.6, today, worker); counts.Visits++; });
            visit = visit.AddDays(random.NextDouble() < 0.08 ? random.Next(43, 60) : random.Next(21, 43));
        }

        var review = Calendar.AddWorkingDays(start, random.NextDouble() < 0.9 ? random.Next(10, 21) : random.Next(21, 30));
        for (var n = 0; review < leaves; n++)
        {
            At(review, () =>
            {
                var on = events.Keys[index];
                period.RecordReview(on, on < kid.Born.AddYears(4) ? "PN0" : "PN1", officer, today, kid.Born, recordedById: officer);
                counts.Reviews++;
            });
            review = review.AddMonths(n == 0 ? 3 : 6).AddDays(random.NextDouble() < 0.9 ? -random.Next(0, 14) : random.Next(3, 20));
        }

        for (; index < events.Count; index++)
        {
            if (events.Keys[index] > today)
            {
                break;
            }

            events.Values[index]();
        }

        Notes([kid], worker, start, Min(leaves, today), statutory: true);
        if (leaves > today)
        {
            return null;
        }

        var reason = leavesAt18 ? (random.NextDouble() < 0.6 ? "E5" : "E6")
            : random.NextDouble() switch
            {
                < 0.6 => "E4A",
                < 0.72 => "E41",
                < 0.86 when period.CurrentEpisode.Placement.Type.StartsWith('U') => "E45",
                < 0.93 => "E47",
                _ => "E13",
            };
        period.End(leaves, reason, today, worker);
        kid.Iro.End(leaves);
        return leaves;
    }

    /// <summary>A move: to a carer other than the one the child is with now.</summary>
    private Placement NewPlacement(PeriodOfCare period, DateOnly born, DateOnly on)
    {
        while (true)
        {
            var placement = Placement(born, on);
            if (placement.Carer != period.CurrentEpisode.Placement.Carer)
            {
                return placement;
            }
        }
    }

    private Placement Placement(DateOnly born, DateOnly on)
    {
        // Each carer or setting is named apart (a move is to someone else), from made-up names.
        var carer = DemoDataSeeder.FamilyNames[random.Next(DemoDataSeeder.FamilyNames.Length)];
        var street = DemoDataSeeder.Streets[random.Next(DemoDataSeeder.Streets.Length)];
        var postcode = $"NB{random.Next(1, 20)} {random.Next(1, 9)}{(char)('A' + random.Next(0, 20))}{(char)('A' + random.Next(0, 20))}";
        if (on >= born.AddYears(16) && on >= new DateOnly(2024, 4, 1) && random.NextDouble() < 0.4)
        {
            return new Placement("K3", "PR4", postcode, $"{street} supported flats", false, random.Next(2000000, 2999999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return random.NextDouble() switch
        {
            < 0.45 => new Placement("U6", "PR1", postcode, $"{carer} family ({street})", false, CouncilFostering),
            < 0.75 => new Placement("U4", "PR1", postcode, $"{carer} family ({street})", true, CouncilFostering),
            < 0.9 => new Placement("U3", "PR1", postcode, $"Aunt and uncle ({carer}, {street})", false, CouncilFostering),
            _ => new Placement("K2", "PR4", postcode, $"{street} children's home", false, "SC" + random.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    // ---- Early help ----
    /// <summary>
    /// An early help episode with its keyworker: from a front-door decision (<paramref name="steppedDownTo"/> null: the
    /// keyworker is allocated now) or a step-down (the step-down made them lead).
    /// </summary>
    private DateOnly EarlyHelp(List<Kid> children, DateOnly start, CouncilTeam team, Guid? steppedDownTo)
    {
        Until(start);
        var stepDown = steppedDownTo is not null;
        episodeTeam = team;
        var keyworker = steppedDownTo ?? team.AnyWorker(random);
        episode = new EarlyHelpEpisode($"{family} family", stepDown ? EpisodeKind.Support : EpisodeKind.EarlyHelp, stepDown ? SupportReason.SteppingDownFromSocialCare : null,
            stepDown ? EpisodeStart.StepDown : EpisodeStart.FrontDoorDecision, null, start, episodeTeam.Id, keyworker, children.Select(k => k.Id));
        db.EarlyHelpEpisodes.Add(episode);
        counts.EarlyHelpEpisodes++;
        if (!stepDown)
        {
            foreach (var kid in children)
            {
                Track(kid, kid.Case().Allocate(keyworker, episodeTeam.Id, AllocationRole.Lead, start, episodeTeam.ManagerId));
            }
        }

        var assessment = new EarlyHelpAssessment(episode.Id);
        var plan = new FamilyPlan(episode.Id);
        db.EarlyHelpAssessments.Add(assessment);
        db.FamilyPlans.Add(plan);
        assessment.Record("Mum is finding it hard to get the children to school since her hours changed; money is tight and the flat is damp.",
            "The children are close to their mum and their nan helps after school. Mum asked for help herself.",
            "Regular school attendance, a budget mum can manage, and the damp sorted.", random.Next(3, 7),
            children.ToDictionary(k => k.Id, _ => (string?)"Says they like school when they have had breakfast, and that mum is 'always tired'."));
        var completed = Until(start.AddDays(random.Next(10, 30)));
        assessment.Complete(completed, children.Select(k => k.Id));
        foreach (var (outcome, goal, action, owner) in EarlyHelpSeeder.Goals.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
        {
            var added = plan.AddGoal(outcome, goal, random.Next(1, 5));
            plan.AddAction(added.Id, action, owner, completed.AddDays(random.Next(20, 60)));
        }

        var ends = start.AddDays(random.Next(70, 320));
        var stepsUp = !stepDown && random.NextDouble() < 0.12;
        if (stepsUp)
        {
            ends = start.AddDays(random.Next(45, 160));
        }

        Notes(children, keyworker, start, Min(ends, today), statutory: false);

        for (var held = completed.AddDays(42); held < ends; held = held.AddDays(random.Next(35, 56)))
        {
            Until(held);
            plan.Review(held, "Mum, school DSL, health visitor, keyworker",
                plan.Goals.ToDictionary(g => g.Id, g => (Math.Min(10, g.Baseline + random.Next(0, 5)), (string?)"Some progress since the last meeting.")),
                "Family engaging; the plan carries on.", held.AddDays(42), today);
            counts.Reviews++;
        }

        Until(ends);
        if (stepsUp)
        {
            // Needs have grown beyond early help: the manager approves a step-up and the keyworker stays alongside.
            var request = new ApprovalRequest(ApprovalKind.StepUp, episodeTeam.Id, episode.Id, children.Select(k => k.Id),
                "Despite the plan, the children are still missing school and there has been a police call-out for domestic abuse: a social work assessment is needed.", keyworker, At(ends, 11));
            db.ApprovalRequests.Add(request);
            var decided = Until(Calendar.AddWorkingDays(ends, random.Next(0, 3)));
            request.Decide(true, "Agreed: refer for a social work assessment; the keyworker stays with the family.", episodeTeam.ManagerId, true, At(decided, 15));
            counts.StepUps++;
            foreach (var kid in children)
            {
                kid.Case().StepUp(episodeTeam.Id);
            }

            return Referral(children, decided, null, "5D", strategy: false);
        }

        return EarlyHelpUntilEnd(children, ends);
    }

    private DateOnly EarlyHelpUntilEnd(List<Kid> children, DateOnly from)
    {
        var ends = Until(from.AddDays(random.Next(0, 60)));
        episode!.End(ends, random.NextDouble() < 0.7 ? EpisodeEndReason.NeedsMet : EpisodeEndReason.FamilyDeclinedOrDisengaged,
            "School attendance is back above 90% and mum has a budget she keeps to; the family agree they no longer need help.");
        foreach (var kid in children)
        {
            foreach (var allocation in kid.Allocations.Where(a => a.EndedOn is null && a.TeamId == episodeTeam!.Id))
            {
                allocation.End(Max(ends, allocation.StartedOn));
            }
        }

        episode = null;
        episodeTeam = null;
        return ends;
    }

    /// <summary>Social care involvement has ended: an early help episode the keyworker kept open alongside it ends too.</summary>
    private DateOnly EndEarlyHelpAlongside(DateOnly on) => episode is null ? on : EarlyHelpUntilEnd(kids.Where(k => episode.Children.Any(c => c.ChildId == k.Id)).ToList(), on);

    // ---- Shared steps ----
    private (CouncilTeam Team, Guid Worker) Transfer(List<Kid> children, DateOnly on, CouncilTeam from, IReadOnlyList<CouncilTeam> to)
    {
        var team = to[random.Next(to.Count)];
        var worker = team.AnyWorker(random);
        var holding = children[0].Open?.TeamId ?? from.Id;
        foreach (var kid in children)
        {
            Track(kid, kid.Case().AcceptTransfer(holding, team.Id, worker, on, team.ManagerId));
        }

        return (team, worker);
    }

    /// <summary>An allocation the child's case started is saved, and kept with the child for the next step's case.</summary>
    private void Track(Kid kid, Allocation? allocation)
    {
        if (allocation is not null && !kid.Allocations.Contains(allocation))
        {
            kid.Allocations.Add(allocation);
            db.Allocations.Add(allocation);
        }
    }

    /// <summary>The lead worker's case notes over a stretch of work: about two a month on statutory work, one on early help.</summary>
    private void Notes(List<Kid> children, Guid worker, DateOnly from, DateOnly to, bool statutory)
    {
        var days = to.DayNumber - from.DayNumber;
        if (days <= 0)
        {
            return;
        }

        var count = (int)Math.Round(days / 30.0 * (statutory ? 2.6 : 1.4) * (0.7 + (random.NextDouble() * 0.6)));
        foreach (var kid in children)
        {
            for (var n = 0; n < count; n++)
            {
                var on = from.AddDays(random.Next(0, days + 1));
                var (type, title, text, seen, childSeen, alone, significant) = CaseNoteTemplates[random.Next(CaseNoteTemplates.Length)];
                var at = new TimeOnly(random.Next(9, 18), random.Next(0, 4) * 15);
                var recorded = UkTime.ToUtc(on.ToDateTime(at).AddHours(random.Next(1, 5)));
                db.CaseNotes.Add(new CaseNote(kid.Id, type, on, type == CaseNoteType.ManagementOversight ? null : at,
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, title, kid.Person.GivenNames),
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, text, kid.Person.GivenNames),
                    seen is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, seen, kid.Person.GivenNames),
                    childSeen, alone, significant, worker, recorded > nowUtc ? nowUtc : recorded, today));
                counts.CaseNotes++;
            }
        }
    }

    private static DateTime At(DateOnly on, int hour) => UkTime.ToUtc(on.ToDateTime(new TimeOnly(hour, 0)));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private const string Analysis =
        "The worry at referral was the children being left alone in the evenings and a fall the youngest had on the stairs. Mum is warm and the " +
        "children are attached to her; she has no family nearby and childcare fell through. The children told me they watch films and the eldest " +
        "makes tea. What needs to happen: a safe childcare plan for late shifts, and support for mum's low mood.";

    /// <summary>The demo front door's referrers: the police first (every police notification comes from them), then the professionals and the public.</summary>
    private static readonly (string Name, string? Agency, string Role, string Source)[] Referrers =
    [
        .. FrontDoorDaySeeder.Professionals.OrderBy(p => p.Source != "6").Select(p => (p.Name, (string?)p.Agency, p.Role, p.Source)),
        .. FrontDoorDaySeeder.Public.Select(p => (p.Name, (string?)null, p.Role, p.Source)),
    ];
    private static readonly string[] Rationales =
    [
        "Decided at the front door on the information from the referrer and the agency checks.",
        "Concern resolved: the explanation was confirmed by school and there is no history of concern.",
        "The caller is best placed to meet the child's needs with the advice given.",
        "Family signposted to the children's centre parenting programme; needs can be met by universal services.",
        "Needs are beyond universal services but there is no indication of significant harm; family agree to early help.",
        "Pattern of neglect indicators over time with no change after school support; a social work assessment is needed.",
        "Disclosure of physical harm by a parent with a visible injury: reasonable cause to suspect significant harm.",
    ];

    private static readonly (CaseNoteType Type, string Title, string Text, string? Seen, bool ChildSeen, bool Alone, bool Significant)[] CaseNoteTemplates =
    [
        (CaseNoteType.Visit, "Home visit: {0} seen alone", "Visited at home after school. {0} showed me their bedroom, which was clean and had a bed with bedding. Spoke with {0} alone; they said things are 'a bit better' since mum started going to the group.", "{0} seen alone; mum", true, true, false),
        (CaseNoteType.PhoneCall, "Call with the school DSL", "The designated safeguarding lead rang: attendance is up this half-term and {0} has been eating breakfast at the breakfast club.", null, false, false, false),
        (CaseNoteType.Meeting, "Core group meeting", "Core group met at the children's centre: mum, the health visitor, the school nurse and me. Actions reviewed; the housing application is still waiting.", "Mum; health visitor; school nurse", false, false, true),
        (CaseNoteType.Observation, "Contact session observed", "Observed supervised contact with dad at the family centre for an hour. {0} ran to dad at the start and played happily.", "{0}; dad", true, false, false),
        (CaseNoteType.ManagementOversight, "Management oversight: plan review", "Case discussed in supervision. The plan is progressing; a further unannounced visit within 10 working days. Reviewed again next month.", null, false, false, true),
        (CaseNoteType.PhoneCall, "Call with mum", "Mum rang to say the boiler has been fixed and she has started the parenting course.", "Mum (by phone)", false, false, false),
        (CaseNoteType.Visit, "Statutory visit: {0} seen alone", "Statutory visit. Saw {0} alone and used the three houses tool: home is 'better when nobody is shouting'.", "{0} seen alone; mum", true, true, true),
    ];
}
