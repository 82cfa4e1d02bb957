using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.Teams;
using ChildrenServices.Application.Users;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.DemoData;

/// <summary>
/// Development only: one demo user per role, teams, a few more workers, and a few hundred synthetic
/// families. Every name is made up from lists and random draws; the generator is seeded, so every
/// newcomer sees the same families.
/// </summary>
public sealed class DemoDataSeeder(AppDbContext db, FirstAdministrator accounts, DemoActors actors, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string DemoPassword = "demo-password-2026";

    public static IReadOnlyList<DemoUser> DemoUsers { get; } =
    [
        new("Front door practitioner", "frontdoor@demo.example", "Priya Fenwick", "Senior social worker, MASH", Roles.FrontDoorPractitioner),
        new("Family keyworker", "keyworker@demo.example", "Tom Ashdown", "Family keyworker", Roles.FamilyKeyworker),
        new("Social worker", "socialworker@demo.example", "Grace Okafor-Lyle", "Social worker", Roles.SocialWorker),
        new("Team manager", "manager@demo.example", "Sam Patel", "Team manager", Roles.TeamManager),
        new("Independent reviewing officer", "iro@demo.example", "Helen Marsh", "Independent reviewing officer", Roles.ReviewingOfficer),
        new("Performance officer", "performance@demo.example", "Dev Lindqvist", "Performance and data officer", Roles.PerformanceOfficer),
        new("Administrator", "admin@demo.example", "Jo Whitcombe", "System administrator", Roles.Administrator),
        new("Data protection officer", "dpo@demo.example", "Marta Quennell", "Data protection officer", Roles.DataProtectionOfficer),
    ];

    internal static readonly string[] GirlsNames = ["Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Freya", "Florence", "Willow", "Rosie", "Sophia", "Evie", "Ella", "Poppy", "Maya", "Zara", "Aisha", "Nia", "Chloe", "Imogen", "Ruby", "Esme", "Darcie", "Hallie", "Lena", "Zoë", "Amara", "Niamh", "Orla", "Elif"];
    internal static readonly string[] BoysNames = ["Noah", "Oliver", "Leo", "Arthur", "Oscar", "George", "Theo", "Harry", "Jack", "Finley", "Charlie", "Alfie", "Reuben", "Kai", "Yusuf", "Ibrahim", "Logan", "Mason", "Rory", "Tyler", "Ezra", "Jude", "Kofi", "Mateo", "Callum", "Rhys", "Aarav", "Dylan", "Ronan", "Tomasz"];
    internal static readonly string[] AdultFemale = ["Kerry", "Leanne", "Gemma", "Natalie", "Samira", "Joanne", "Kirsty", "Danielle", "Stacey", "Agnieszka", "Fatima", "Rebecca", "Claire", "Shauna", "Abimbola"];
    internal static readonly string[] AdultMale = ["Dean", "Craig", "Lee", "Wayne", "Jamal", "Marcus", "Darren", "Kieran", "Piotr", "Imran", "Gavin", "Scott", "Nathan", "Chidi", "Ross"];
    internal static readonly string[] FamilyNames = ["Ashworth", "Barraclough", "Calloway", "Dunmore", "Ellery", "Farrant", "Greenhalgh", "Hollis", "Ingleby", "Jessop", "Kettering", "Lockwood", "Marchetti", "Nwosu", "Oyelaran", "Pembridge", "Quaye", "Rowntree", "Sefton", "Thackeray", "Underhill", "Varga", "Wetherby", "Yardley", "Zielinska", "Brannigan", "Coverdale", "Dervish", "Egerton", "Fairclough", "Gallacher", "Haworth", "Ilori", "Kowalczyk", "Lazenby", "Mahmood", "Northcott", "O'Rourke", "Penhaligon", "Radcliffe", "Stanforth", "Trelawney", "Verity", "Whitlock", "Aldous", "Beckwith", "Chadwick", "Dobrowski", "Ezeani", "Fenwick-Hart", "Goodall", "Hussain-Reid", "Jarrold", "Kinsella", "Loxley", "Mbeki-Shaw", "Nakamura-Price", "Outhwaite", "Prendergast", "Sowerby"];
    internal static readonly string[] Streets = ["Alder Road", "Bramble Close", "Canal Street", "Dovecote Lane", "Elm Grove", "Foundry Row", "Gasworks Lane", "Hawthorn Avenue", "Ironbridge Walk", "Juniper Court", "Kiln Street", "Larch Crescent", "Millpond Way", "Nettle Terrace", "Orchard Rise", "Pinfold Lane", "Quarry Hill", "Ropewalk", "Sandpiper Drive", "Tannery Yard"];
    internal static readonly string[] Towns = ["Northbridge", "Eastmoor", "Westfold", "Southwick Vale"];
    internal static readonly string[] Ethnicities = ["WBRI", "WBRI", "WBRI", "WBRI", "WOTH", "WIRT", "MWBC", "MWBA", "MOTH", "APKN", "AIND", "ABAN", "BAFR", "BCRB", "CHNE", "OOTH", "NOBT"];
    internal static readonly string[] Languages = ["English", "English", "English", "English", "English", "English", "Polish", "Urdu", "Romanian", "Arabic", "Somali", "Punjabi"];

    /// <summary>Families saved per batch: each batch gets its own DbContext, so the change tracker never grows with the council.</summary>
    public const int BatchSize = 1000;

    /// <summary>Seeds the demo into an empty database; false (and nothing written) if it already has staff.</summary>
    public async Task<bool> SeedAsync(int families = 320, DemoSeedTimings? timings = null, int batchSize = BatchSize)
    {
        timings ??= new DemoSeedTimings();
        await accounts.EnsureRolesAsync();
        if (await db.Staff.AnyAsync())
        {
            return false;
        }

        var staff = await StaffAndTeamsAsync();
        timings.Stage("Demo users and teams (CreateUser, SaveTeam)");
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Name);
        var manager = staff["manager@demo.example"];
        var earlyHelp = teams[EarlyHelpTeam];
        var random = new Random(20261124);
        var today = Application.UkTime.Today(clock);
        var holders = new (Team Team, Guid Worker, int Weight)[]
        {
            (teams[AssessmentTeam], staff["socialworker@demo.example"], 12), (teams[AssessmentTeam], staff["l.dawes@demo.example"], 14), (teams[AssessmentTeam], staff["a.kaur@demo.example"], 16),
            (earlyHelp, staff["keyworker@demo.example"], 10), (earlyHelp, staff["j.carraway@demo.example"], 13), (earlyHelp, staff["h.beaumont@demo.example"], 11),
            (teams[CinCpTeam], staff["b.frost@demo.example"], 17), (teams[CinCpTeam], staff["o.mensah@demo.example"], 15), (teams[ClaTeam], staff["s.whitaker@demo.example"], 14),
        };
        var caseloads = holders.ToDictionary(h => h.Worker, _ => 0);
        var restricted = 0;

        for (var first = 0; first < families; first += batchSize)
        {
            var batchStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            var restrictions = new List<(Guid Child, Guid HoldingManager)>();
            await using (var scope = scopes.CreateAsyncScope())
            {
                var batch = scope.ServiceProvider.GetRequiredService<AppDbContext>();

                // One detect-changes pass at the save (the context's own), not one per query or entry.
                batch.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var f = first; f < families && f < first + batchSize; f++)
                {
                    Family(batch, random, today, f, holders, caseloads, staff["keyworker@demo.example"], earlyHelp, ref restricted, restrictions);
                }

                timings.Built(System.Diagnostics.Stopwatch.GetElapsedTime(batchStarted));

                // Synchronous (SQLite's async is a wrapper round the same work) and without accepting the
                // changes afterwards: the context is thrown away with the batch.
                batch.SaveChanges(acceptAllChangesOnSuccess: false);
            }

            // A record is restricted as a manager restricts it, once the child and their allocation exist.
            foreach (var (child, holdingManager) in restrictions)
            {
                var version = await db.People.Where(p => p.Id == child).Select(p => p.Version).SingleAsync();
                await actors.SendAsync(holdingManager, new RestrictRecord.Command
                {
                    PersonId = child, Version = version, Reason = RestrictionReason.StaffOrRelativeOfStaff, AllowedUserIds = [manager],
                });
            }

            timings.Batch(Math.Min(batchSize, families - first), System.Diagnostics.Stopwatch.GetElapsedTime(batchStarted));
        }

        timings.Stage($"{families} families (domain constructors, {batchSize} a batch)");
        await InScopeAsync(d => new FrontDoorDaySeeder(d, clock, random).SeedAsync(staff["frontdoor@demo.example"], staff["m.okonjo@demo.example"], manager));
        timings.Stage("Front-door day");
        await InScopeAsync(d => new EarlyHelpSeeder(d, clock, random).SeedAsync());
        timings.Stage("Early help episodes");
        await InScopeAsync(d => new CaseNotesSeeder(d, clock, random).SeedAsync());
        timings.Stage("Case notes");

        // Last, and without the random generator, so the families and notes above stay as they were.
        await InScopeAsync(d => new ApprovalsSeeder(d, clock).SeedAsync(staff["keyworker@demo.example"], staff["socialworker@demo.example"]));
        await InScopeAsync(d => new AssessmentsSeeder(d, clock).SeedAsync());
        await InScopeAsync(d => new StatutoryPathwaySeeder(d, clock).SeedAsync(staff["iro@demo.example"]));
        await InScopeAsync(d => new WorklistsSeeder(d, clock).SeedAsync(staff["iro@demo.example"], manager));
        await new DuplicatePairSeeder(actors, clock).SeedAsync(staff["frontdoor@demo.example"]);
        timings.Stage("Approvals, assessments, statutory pathway, worklists, duplicate pair");
        return true;
    }

    /// <summary>The demo council's DfE LA number in its return settings.</summary>
    public const string DemoLaNumber = "999";

    internal const string FrontDoorTeam = "Front Door (MASH)";
    internal const string AssessmentTeam = "Assessment Team";
    internal const string EarlyHelpTeam = "Early Help North";
    internal const string CinCpTeam = "Children in Need and Protection North";
    internal const string ClaTeam = "Children Looked After";

    /// <summary>Each follow-on seeder gets a fresh DbContext: nothing tracked by one weighs on the next.</summary>
    private async Task InScopeAsync(Func<AppDbContext, Task> seed)
    {
        await using var scope = scopes.CreateAsyncScope();
        await seed(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// The administrator is made as production makes its first one (`create-admin`); every other account
    /// and every team is then made by that administrator through CreateUser and SaveTeam, as on the Users
    /// and Teams pages. Managers come first, because a team needs its manager.
    /// </summary>
    /// <summary>The demo's users and teams in an empty database (the council generator's start); null if it already has staff.</summary>
    internal async Task<Dictionary<string, Guid>?> DemoStaffAsync()
    {
        await accounts.EnsureRolesAsync();
        return await db.Staff.AnyAsync() ? null : await StaffAndTeamsAsync();
    }

    /// <summary>
    /// The demo council's return headers, with its staff (the demo and the generated council alike). 999 is no council's
    /// DfE number (it stands for "not known" in SSDA903's LA codes) and E06999999 no council's ONS code, so a demo census
    /// can never pass for a real council's.
    /// </summary>
    private async Task ReturnSettingsAsync()
    {
        db.ReturnSettings.Add(new Domain.Returns.ReturnSettings(DemoLaNumber, "E06999999", Domain.Returns.ReturnSettings.DefaultSoftwareName));
        await db.SaveChangesAsync();
    }

    private async Task<Dictionary<string, Guid>> StaffAndTeamsAsync()
    {
        await ReturnSettingsAsync();
        var admin = DemoUsers.Single(u => u.Role == Roles.Administrator);
        var problems = await accounts.CreateAsync(admin.Email, admin.Name, DemoPassword, admin.JobTitle, [admin.Role]);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Could not create demo user {admin.Email}: {string.Join("; ", problems)}");
        }

        var staff = new Dictionary<string, Guid> { [admin.Email] = await db.Staff.Where(s => s.Email == admin.Email).Select(s => s.Id).SingleAsync() };
        var everyone = DemoUsers.Where(u => u != admin).Select(u => (u.Email, u.Name, Title: u.JobTitle, u.Role)).Concat(ExtraStaff).ToList();
        foreach (var (email, name, title, role) in everyone.Where(u => u.Role == Roles.TeamManager))
        {
            staff[email] = await CreateUserAsync(staff[admin.Email], email, name, title, role, []);
        }

        var teams = new (string Name, TeamKind Kind, int Capacity, string Manager, string[] Members)[]
        {
            (FrontDoorTeam, TeamKind.FrontDoor, 30, "manager@demo.example", ["frontdoor@demo.example", "m.okonjo@demo.example"]),
            (AssessmentTeam, TeamKind.Assessment, 18, "manager@demo.example", ["socialworker@demo.example", "l.dawes@demo.example", "a.kaur@demo.example"]),
            (EarlyHelpTeam, TeamKind.EarlyHelp, 15, "r.adeyemi@demo.example", ["keyworker@demo.example", "j.carraway@demo.example", "h.beaumont@demo.example"]),
            (CinCpTeam, TeamKind.ChildInNeedAndProtection, 18, "c.brightwell@demo.example", ["b.frost@demo.example", "o.mensah@demo.example"]),
            (ClaTeam, TeamKind.ChildrenLookedAfter, 16, "c.brightwell@demo.example", ["s.whitaker@demo.example"]),
        };
        var teamIds = new Dictionary<string, Guid>();
        foreach (var team in teams)
        {
            teamIds[team.Name] = await actors.SendAsync(staff[admin.Email], new SaveTeam.Command
            {
                Name = team.Name, Kind = team.Kind, CaseloadCapacityPerWorker = team.Capacity, ManagerId = staff[team.Manager],
            });
        }

        foreach (var (email, name, title, role) in everyone.Where(u => u.Role != Roles.TeamManager))
        {
            var memberOf = teams.Where(t => t.Members.Contains(email)).Select(t => teamIds[t.Name]).ToList();
            staff[email] = await CreateUserAsync(staff[admin.Email], email, name, title, role, memberOf);
        }

        return staff;
    }

    private static readonly (string Email, string Name, string Title, string Role)[] ExtraStaff =
    [
        ("r.adeyemi@demo.example", "Ruth Adeyemi", "Team manager", Roles.TeamManager),
        ("c.brightwell@demo.example", "Colin Brightwell", "Team manager", Roles.TeamManager),
        ("m.okonjo@demo.example", "Mercy Okonjo", "Senior social worker, MASH", Roles.FrontDoorPractitioner),
        ("l.dawes@demo.example", "Lewis Dawes", "Social worker", Roles.SocialWorker),
        ("a.kaur@demo.example", "Anita Kaur", "Social worker", Roles.SocialWorker),
        ("b.frost@demo.example", "Bethany Frost", "Social worker", Roles.SocialWorker),
        ("o.mensah@demo.example", "Owen Mensah", "Social worker", Roles.SocialWorker),
        ("j.carraway@demo.example", "Jess Carraway", "Family keyworker", Roles.FamilyKeyworker),
        ("h.beaumont@demo.example", "Hamid Beaumont", "Family keyworker", Roles.FamilyKeyworker),
        ("s.whitaker@demo.example", "Sian Whitaker", "Social worker", Roles.SocialWorker),
    ];

    /// <summary>Synthetic Social Work England numbers for the registered roles, from a range far beyond any issued.</summary>
    private int nextRegistration = 9_100_001;

    /// <summary>
    /// Made as an administrator makes a colleague, whose password is then temporary; the demo's sign-ins are listed
    /// in the README to be used at once, so the demo password is made their own (no change asked at first sign-in).
    /// </summary>
    internal async Task<Guid> CreateUserAsync(Guid admin, string email, string name, string title, string role, List<Guid> teams)
    {
        var id = await actors.SendAsync(admin, new CreateUser.Command
        {
            Email = email, DisplayName = name, JobTitle = title, Roles = [role], TeamIds = teams, Password = DemoPassword,
            RegistrationNumber = role is Roles.SocialWorker or Roles.TeamManager or Roles.FrontDoorPractitioner or Roles.ReviewingOfficer
                ? $"SW{nextRegistration++}" : null,
        });
        await db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, false).SetProperty(x => x.TemporaryPasswordExpiresAtUtc, (DateTime?)null));
        return id;
    }

    /// <summary>
    /// One synthetic family: a household, a mother (and a father in about half), one to four children,
    /// their relationships, and for about a quarter an allocation to a worker. Built with the domain's
    /// constructors and methods, so every rule the entities keep holds; there are too many families for
    /// a command each (ADR 0022).
    /// </summary>
    private static void Family(AppDbContext db, Random random, DateOnly today, int f, (Team Team, Guid Worker, int Weight)[] holders,
        Dictionary<Guid, int> caseloads, Guid demoKeyworker, Team earlyHelp, ref int restricted, List<(Guid Child, Guid HoldingManager)> restrictions)
    {
        var family = FamilyNames[random.Next(FamilyNames.Length)];
        var town = Towns[random.Next(Towns.Length)];
        var moved = today.AddDays(-random.Next(60, 3000));
        var household = new Household($"{family} household, {town}");
        db.Households.Add(household);
        var street = $"{random.Next(1, 180)} {Streets[random.Next(Streets.Length)]}";
        var postcode = $"NB{random.Next(1, 20)} {random.Next(1, 9)}{(char)('A' + random.Next(0, 20))}{(char)('A' + random.Next(0, 20))}";
        var language = Languages[random.Next(Languages.Length)];
        var ethnicity = Ethnicities[random.Next(Ethnicities.Length)];

        var mother = Adult(random, AdultFemale, family, Sex.Female, language, ethnicity, today);
        mother.MoveTo(street, null, town, postcode, moved);
        db.People.Add(mother);
        household.Join(mother.Id, moved);
        var adults = new List<Person> { mother };
        if (random.NextDouble() < 0.55)
        {
            var father = Adult(random, AdultMale, random.NextDouble() < 0.7 ? family : FamilyNames[random.Next(FamilyNames.Length)], Sex.Male, language, ethnicity, today);
            father.MoveTo(street, null, town, postcode, moved);
            db.People.Add(father);
            household.Join(father.Id, moved);
            adults.Add(father);
        }

        var children = new List<Person>();
        var childCount = random.Next(1, 5);
        for (var c = 0; c < childCount; c++)
        {
            var unborn = c == childCount - 1 && random.NextDouble() < 0.04;
            var child = Child(random, family, unborn, language, ethnicity, today);
            if (!unborn)
            {
                child.MoveTo(street, null, town, postcode, child.DateOfBirth!.Value > moved ? child.DateOfBirth.Value : moved);
                household.Join(child.Id, child.DateOfBirth.Value > moved ? child.DateOfBirth.Value : moved);
            }

            db.People.Add(child);
            children.Add(child);
            foreach (var adult in adults)
            {
                db.Relationships.Add(new Relationship(child.Id, adult.Id, RelationshipKind.Parent, true, null));
            }
        }

        for (var i = 0; i < children.Count; i++)
        {
            for (var j = i + 1; j < children.Count; j++)
            {
                db.Relationships.Add(new Relationship(children[i].Id, children[j].Id, RelationshipKind.Sibling, false, null));
            }
        }

        // About a quarter of the families are open to a team; the rest came through the front door and were closed or are awaiting allocation.
        if (random.NextDouble() < 0.27)
        {
            var holder = holders[random.Next(holders.Length)];
            if (caseloads[holder.Worker] >= holder.Weight)
            {
                holder = holders.OrderBy(h => caseloads[h.Worker] - h.Weight).First();
            }

            var since = today.AddDays(-random.Next(3, 400));
            foreach (var child in children)
            {
                DemoAllocations.Add(db, child.Id, holder.Worker, holder.Team.Id, AllocationRole.Lead, since, holder.Team.ManagerId!.Value);
                caseloads[holder.Worker]++;
            }

            if (holder.Team.Kind == TeamKind.ChildInNeedAndProtection && random.NextDouble() < 0.25)
            {
                // Keyworker co-working alongside the social worker: "one family, one worker" across a step up.
                foreach (var child in children)
                {
                    DemoAllocations.Add(db, child.Id, demoKeyworker, earlyHelp.Id, AllocationRole.CoWorker, since, earlyHelp.ManagerId!.Value);
                }
            }

            if (restricted < 3 && f % 40 == 7)
            {
                restrictions.Add((children[0].Id, holder.Team.ManagerId!.Value));
                restricted++;
            }
        }
    }

    internal static Person Adult(Random random, string[] names, string family, Sex sex, string language, string ethnicity, DateOnly today)
    {
        var dob = today.AddYears(-random.Next(19, 52)).AddDays(-random.Next(0, 365));
        return Person.Create(PersonType.Adult, names[random.Next(names.Length)], family, new PersonDetails(
            dob, null, null, sex, ethnicity, ["NONE"], language, language != "English" && random.NextDouble() < 0.4,
            random.NextDouble() < 0.8 ? SyntheticNhsNumber(random) : null, null, null));
    }

    internal static Person Child(Random random, string family, bool unborn, string language, string ethnicity, DateOnly today)
    {
        var female = random.NextDouble() < 0.5;
        var given = female ? GirlsNames[random.Next(GirlsNames.Length)] : BoysNames[random.Next(BoysNames.Length)];
        if (unborn)
        {
            return Person.Create(PersonType.Child, "Unborn", family, new PersonDetails(
                null, today.AddDays(random.Next(20, 200)), null, Sex.Unknown, null, [], null, false, null, null, "UN6"));
        }

        var dob = today.AddDays(-random.Next(30, 17 * 365));
        // At school from the September after the fourth birthday (reception): the DfE's school age for UPNs (SSDA903 rule 209).
        // The children past five draw from the seed as they always have, so the rest of the demo stays as it was; the
        // four-year-olds in reception draw from a generator of their own.
        var schoolYearBegan = new DateOnly(today.Month >= 9 ? today.Year : today.Year - 1, 9, 1);
        var schoolAge = dob < schoolYearBegan.AddYears(-4);
        var draw = dob <= today.AddYears(-5) ? random : new Random(dob.DayNumber);
        var disability = random.NextDouble() < 0.1 ? new[] { "LD" } : random.NextDouble() < 0.05 ? ["AUT", "COMM"] : ["NONE"];
        return Person.Create(PersonType.Child, given, family, new PersonDetails(
            dob, null, null, female ? Sex.Female : Sex.Male,
            random.NextDouble() < 0.9 ? ethnicity : null,
            random.NextDouble() < 0.92 ? disability : [],
            language, false,
            random.NextDouble() < 0.88 ? SyntheticNhsNumber(random) : null,
            schoolAge && draw.NextDouble() < 0.85 ? SyntheticUpn(draw) : null,
            schoolAge ? (draw.NextDouble() < 0.5 ? "UN4" : null) : "UN1"));
    }

    /// <summary>NHS numbers starting 999 are the NHS's own range for test data: never a real patient.</summary>
    private static string SyntheticNhsNumber(Random random)
    {
        while (true)
        {
            var candidate = NhsNumber.Create($"999{random.Next(0, 1_000_000):D6}");
            if (candidate is not null)
            {
                return candidate.Value;
            }
        }
    }

    /// <summary>LA code 999 is not a real authority, so these UPNs cannot collide with a real pupil's.</summary>
    private static string SyntheticUpn(Random random) =>
        UniquePupilNumber.Create($"999{random.Next(1000, 9999)}{random.Next(10, 25)}{random.Next(0, 999):D3}").Value;
}

public sealed record DemoUser(string RoleName, string Email, string Name, string JobTitle, string Role);
