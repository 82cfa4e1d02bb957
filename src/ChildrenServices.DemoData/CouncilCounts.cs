namespace ChildrenServices.DemoData;

/// <summary>What the council generator made, and every step the domain refused (by its message), for the command to print.</summary>
public sealed class CouncilCounts
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private readonly HashSet<string> references = [];

    public int Families { get; set; }

    public int Children { get; set; }

    public int Staff { get; set; }

    public int Teams { get; set; }

    public int Contacts { get; set; }

    public int Referrals { get; set; }

    public int Assessments { get; set; }

    public int Enquiries { get; set; }

    public int ChildInNeedPlans { get; set; }

    public int ChildProtectionPlans { get; set; }

    public int PeriodsOfCare { get; set; }

    public int EarlyHelpEpisodes { get; set; }

    public int StepUps { get; set; }

    public int StepDowns { get; set; }

    public int Visits { get; set; }

    public int Reviews { get; set; }

    public int CaseNotes { get; set; }

    public int Restricted { get; set; }

    public Dictionary<string, int> Refusals { get; } = [];

    public void Refused(string message) => Refusals[message] = Refusals.GetValueOrDefault(message) + 1;

    /// <summary>A front-door reference in the app's own form ("FD-7K3M-9QXT"), drawn from the seeded generator and never repeated.</summary>
    internal string NewReference(Random random)
    {
        Span<char> chars = stackalloc char[8];
        while (true)
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            var reference = $"FD-{chars[..4]}-{chars[4..]}";
            if (references.Add(reference))
            {
                return reference;
            }
        }
    }
}
