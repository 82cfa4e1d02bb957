namespace ChildrenServices.Application.Security;

public static class Roles
{
    public const string FrontDoorPractitioner = "FrontDoorPractitioner";
    public const string FamilyKeyworker = "FamilyKeyworker";
    public const string SocialWorker = "SocialWorker";
    public const string TeamManager = "TeamManager";
    public const string ReviewingOfficer = "ReviewingOfficer";
    public const string PerformanceOfficer = "PerformanceOfficer";
    public const string Administrator = "Administrator";
    public const string DataProtectionOfficer = "DataProtectionOfficer";

    public static IReadOnlyList<string> All { get; } =
    [
        FrontDoorPractitioner, FamilyKeyworker, SocialWorker, TeamManager, ReviewingOfficer, PerformanceOfficer, Administrator, DataProtectionOfficer,
    ];

    /// <summary>Roles that hold cases and so appear as workers to allocate.</summary>
    public static IReadOnlyList<string> CaseHolding { get; } = [FrontDoorPractitioner, FamilyKeyworker, SocialWorker, TeamManager];

    public static string Describe(string role) => role switch
    {
        FrontDoorPractitioner => "Front door practitioner",
        FamilyKeyworker => "Family keyworker",
        SocialWorker => "Social worker",
        TeamManager => "Team manager",
        ReviewingOfficer => "Independent reviewing officer",
        PerformanceOfficer => "Performance officer",
        Administrator => "Administrator",
        DataProtectionOfficer => "Data protection officer",
        _ => role,
    };
}
