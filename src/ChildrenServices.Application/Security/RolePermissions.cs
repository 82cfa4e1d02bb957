using static ChildrenServices.Application.Security.Permission;

namespace ChildrenServices.Application.Security;

/// <summary>
/// The one table of who may do what. Administrators and performance officers get nothing that
/// shows case content: they manage users and read aggregate figures.
/// </summary>
public static class RolePermissions
{
    private static readonly Dictionary<string, Permission[]> Map = new(StringComparer.Ordinal)
    {
        [Roles.FrontDoorPractitioner] = [SearchPeople, ViewChildRecord, RecordPeople, ViewFrontDoor, RecordContacts, DecideContacts],
        [Roles.FamilyKeyworker] = [SearchPeople, ViewChildRecord, RecordPeople, WorkEarlyHelp],
        [Roles.SocialWorker] = [SearchPeople, ViewChildRecord, RecordPeople, RecordStatutoryWork],
        [Roles.TeamManager] = [SearchPeople, ViewChildRecord, RecordPeople, ViewRecordViewers, RestrictRecords, AllocateWork, ViewTeamWork, ViewPerformance, ViewFrontDoor, RecordContacts, DecideContacts, SignOffContactDecisions, AssignContacts, WorkEarlyHelp, DecideApprovals, RecordStatutoryWork, MergeRecords],
        [Roles.ReviewingOfficer] = [SearchPeople, ViewChildRecord, RecordReviewOutcomes],
        [Roles.PerformanceOfficer] = [ViewPerformance, ProduceReturns],
        [Roles.Administrator] = [ManageUsers, ManageTeams, ManageTimescales, ManageReturnSettings],
        [Roles.DataProtectionOfficer] = [ViewAccessReports],
    };

    public static IReadOnlyCollection<Permission> For(string role) =>
        Map.TryGetValue(role, out var permissions) ? permissions : [];

    public static bool Grants(IEnumerable<string> roles, Permission permission) =>
        roles.Any(r => For(r).Contains(permission));

    public static IEnumerable<string> RolesGranting(Permission permission) =>
        Map.Where(kv => kv.Value.Contains(permission)).Select(kv => kv.Key);
}
