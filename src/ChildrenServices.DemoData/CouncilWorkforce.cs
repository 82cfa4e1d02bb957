using ChildrenServices.Application.Security;
using ChildrenServices.Application.Teams;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.DemoData;

/// <summary>A team as the council generator uses it: who manages it and who in it holds cases.</summary>
internal sealed record CouncilTeam(Guid Id, TeamKind Kind, Guid ManagerId, IReadOnlyList<Guid> Workers)
{
    public Guid AnyWorker(Random random) => Workers[random.Next(Workers.Count)];
}

/// <summary>
/// One locality of the council: its own assessment, child in need and protection, and early help teams. Families
/// live in one locality and are served by its teams; children in care are held by the council-wide looked-after teams.
/// </summary>
internal sealed record Locality(string Name, IReadOnlyList<CouncilTeam> Assessment, IReadOnlyList<CouncilTeam> ChildInNeedAndProtection, IReadOnlyList<CouncilTeam> EarlyHelp);

/// <summary>
/// The staff and teams of a council sized for the number of children in its records, made as an administrator makes
/// them (SaveTeam and CreateUser, as on the Teams and Users pages). The demo's own users and five teams are the first
/// locality's, topped up to the same size, so every demo sign-in sees a council-sized caseload. Sizes follow a large
/// council's establishment: about one social worker in the child in need and protection teams per 500 children known
/// over the years, teams of six to eight with their own manager, and reviewing officers for the conferences and reviews.
/// </summary>
internal sealed class CouncilWorkforce
{
    private static readonly string[] Localities = ["North", "South", "East", "West", "Central", "Riverside", "Moorland", "Harbour", "Valley", "Forest", "Hillside", "Parkside"];

    private CouncilWorkforce(IReadOnlyList<Locality> localities, IReadOnlyList<CouncilTeam> lookedAfter, CouncilTeam frontDoor, IReadOnlyList<Guid> reviewingOfficers, int staff)
    {
        Places = localities;
        LookedAfter = lookedAfter;
        FrontDoor = frontDoor;
        ReviewingOfficers = reviewingOfficers;
        Staff = staff;
    }

    public IReadOnlyList<Locality> Places { get; }

    public IReadOnlyList<CouncilTeam> LookedAfter { get; }

    public CouncilTeam FrontDoor { get; }

    public IReadOnlyList<Guid> ReviewingOfficers { get; }

    /// <summary>Every account the generator made or topped up, the demo's included.</summary>
    public int Staff { get; }

    /// <summary>Workers in each kind of team for every thousand children in the records.</summary>
    private const double AssessmentPerThousand = 0.8, ChildInNeedPerThousand = 2.6, LookedAfterPerThousand = 1.0, EarlyHelpPerThousand = 1.6, ReviewingPerThousand = 0.25;

    private const int TeamSize = 8;

    public static async Task<CouncilWorkforce> BuildAsync(AppDbContext db, DemoDataSeeder demo, DemoActors actors, Dictionary<string, Guid> staff, int children, Random random)
    {
        var admin = staff["admin@demo.example"];
        var demoTeams = await db.Teams.AsNoTracking().Include(t => t.Members).ToDictionaryAsync(t => t.Name);
        var places = Math.Clamp((int)Math.Round(children / 20_000.0), 1, Localities.Length);
        int Teams(double perThousand, int among) => Math.Max(1, (int)Math.Round(children * perThousand / 1000 / among / TeamSize));
        var made = staff.Count;
        var names = new StaffNames(random);

        async Task<CouncilTeam> TeamAsync(string name, TeamKind kind, int capacity, Team? existing, string role, string title)
        {
            Guid id, manager;
            if (existing is null)
            {
                manager = await demo.CreateUserAsync(admin, names.Email(), names.Name(), "Team manager", Roles.TeamManager, []);
                id = await actors.SendAsync(admin, new SaveTeam.Command { Name = name, Kind = kind, CaseloadCapacityPerWorker = capacity, ManagerId = manager });
                made++;
            }
            else
            {
                (id, manager) = (existing.Id, existing.ManagerId!.Value);
            }

            var workers = existing?.Members.Select(m => m.UserId).Where(u => u != manager).ToList() ?? [];
            while (workers.Count < TeamSize)
            {
                workers.Add(await demo.CreateUserAsync(admin, names.Email(), names.Name(), title, role, [id]));
                made++;
            }

            return new CouncilTeam(id, kind, manager, workers);
        }

        var localities = new List<Locality>();
        for (var p = 0; p < places; p++)
        {
            var place = Localities[p];
            var first = p == 0;
            var assessment = new List<CouncilTeam>();
            var cin = new List<CouncilTeam>();
            var earlyHelp = new List<CouncilTeam>();
            for (var t = 0; t < Teams(AssessmentPerThousand, places); t++)
            {
                assessment.Add(await TeamAsync(first && t == 0 ? DemoDataSeeder.AssessmentTeam : $"Assessment {place} {t + 1}", TeamKind.Assessment, 18,
                    first && t == 0 ? demoTeams[DemoDataSeeder.AssessmentTeam] : null, Roles.SocialWorker, "Social worker"));
            }

            for (var t = 0; t < Teams(ChildInNeedPerThousand, places); t++)
            {
                cin.Add(await TeamAsync(first && t == 0 ? DemoDataSeeder.CinCpTeam : $"Children in Need and Protection {place} {t + 1}", TeamKind.ChildInNeedAndProtection, 18,
                    first && t == 0 ? demoTeams[DemoDataSeeder.CinCpTeam] : null, Roles.SocialWorker, "Social worker"));
            }

            for (var t = 0; t < Teams(EarlyHelpPerThousand, places); t++)
            {
                earlyHelp.Add(await TeamAsync(first && t == 0 ? DemoDataSeeder.EarlyHelpTeam : $"Early Help {place} {t + 1}", TeamKind.EarlyHelp, 15,
                    first && t == 0 ? demoTeams[DemoDataSeeder.EarlyHelpTeam] : null, Roles.FamilyKeyworker, "Family keyworker"));
            }

            localities.Add(new Locality(place, assessment, cin, earlyHelp));
        }

        var lookedAfter = new List<CouncilTeam>();
        for (var t = 0; t < Teams(LookedAfterPerThousand, 1); t++)
        {
            lookedAfter.Add(await TeamAsync(t == 0 ? DemoDataSeeder.ClaTeam : $"Children Looked After {t + 1}", TeamKind.ChildrenLookedAfter, 16,
                t == 0 ? demoTeams[DemoDataSeeder.ClaTeam] : null, Roles.SocialWorker, "Social worker"));
        }

        var frontDoor = await TeamAsync(DemoDataSeeder.FrontDoorTeam, TeamKind.FrontDoor, 30, demoTeams[DemoDataSeeder.FrontDoorTeam], Roles.FrontDoorPractitioner, "Senior social worker, MASH");
        var reviewing = new List<Guid> { staff["iro@demo.example"] };
        while (reviewing.Count < Math.Max(2, (int)Math.Ceiling(children * ReviewingPerThousand / 1000)))
        {
            reviewing.Add(await demo.CreateUserAsync(admin, names.Email(), names.Name(), "Independent reviewing officer", Roles.ReviewingOfficer, []));
            made++;
        }

        return new CouncilWorkforce(localities, lookedAfter, frontDoor, reviewing, made);
    }

    /// <summary>Made-up staff names from the demo's lists, each email address used once.</summary>
    private sealed class StaffNames(Random random)
    {
        private readonly HashSet<string> used = [];
        private string given = string.Empty;
        private string family = string.Empty;

        public string Email()
        {
            given = random.NextDouble() < 0.6 ? DemoDataSeeder.AdultFemale[random.Next(DemoDataSeeder.AdultFemale.Length)] : DemoDataSeeder.AdultMale[random.Next(DemoDataSeeder.AdultMale.Length)];
            family = DemoDataSeeder.FamilyNames[random.Next(DemoDataSeeder.FamilyNames.Length)];
            var email = $"{given[0]}.{family.Replace("'", string.Empty, StringComparison.Ordinal)}".ToLowerInvariant();
            for (var n = 1; ; n++)
            {
                var candidate = $"{email}{(n == 1 ? string.Empty : n.ToString(System.Globalization.CultureInfo.InvariantCulture))}@council.example";
                if (used.Add(candidate))
                {
                    return candidate;
                }
            }
        }

        /// <summary>The name that goes with the email address just made.</summary>
        public string Name() => $"{given} {family}";
    }
}
