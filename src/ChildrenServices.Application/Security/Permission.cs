namespace ChildrenServices.Application.Security;

/// <summary>
/// What a use case needs the user to be allowed to do. Roles map to permissions in one place,
/// <see cref="RolePermissions"/>; messages and pages name a permission, never a role.
/// </summary>
public enum Permission
{
    SearchPeople = 1,
    ViewChildRecord,
    RecordPeople,
    ViewRecordViewers,
    RestrictRecords,
    AllocateWork,
    ViewTeamWork,
    ViewPerformance,
    ManageUsers,
    ManageTeams,
    ViewFrontDoor,
    RecordContacts,
    DecideContacts,
    SignOffContactDecisions,
    AssignContacts,
    WorkEarlyHelp,
    DecideApprovals,

    /// <summary>Statutory social work records (assessments, plans, conferences): not keyworkers, even co-working.</summary>
    RecordStatutoryWork,

    /// <summary>Set the local timescales (visit frequencies, reviews, strategy discussion, first core group).</summary>
    ManageTimescales,

    /// <summary>
    /// What an independent reviewing officer records as the chair of a review (a looked-after child's review):
    /// on any child they can see, because by law they are independent of the case and never hold it.
    /// </summary>
    RecordReviewOutcomes,

    /// <summary>Merge two records of the same person into one, and undo a merge within the set period.</summary>
    MergeRecords,

    /// <summary>Set what the DfE returns' headers carry: the council's LA number, its ONS code, the software's name.</summary>
    ManageReturnSettings,

    /// <summary>Check and download the DfE returns (the CIN census): the whole council's children, so performance officers only.</summary>
    ProduceReturns,

    /// <summary>
    /// Who has viewed which records: everything a colleague viewed in a period, and everyone who viewed a child's record
    /// (subject access requests, investigations). The data protection officer's; managers see a record's viewers on it.
    /// </summary>
    ViewAccessReports,
}
