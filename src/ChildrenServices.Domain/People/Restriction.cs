using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.People;

/// <summary>Why a record is hidden from everyone not on its allow-list (domain.md section 8).</summary>
public enum RestrictionReason
{
    Adoption = 1,
    HighProfile = 2,
    StaffOrRelativeOfStaff = 3,
    SeriousCaseReview = 4,
}

public static class RestrictionReasonText
{
    public static string Describe(this RestrictionReason reason) => reason switch
    {
        RestrictionReason.Adoption => "Adoption",
        RestrictionReason.HighProfile => "High profile",
        RestrictionReason.StaffOrRelativeOfStaff => "Staff member or relative of staff",
        RestrictionReason.SeriousCaseReview => "Serious case review or child death",
        _ => reason.ToString(),
    };
}

/// <summary>A user allowed to see a restricted person.</summary>
public sealed class RestrictionGrant : IPartOf<Person>
{
    private RestrictionGrant()
    {
    }

    internal RestrictionGrant(Guid personId, Guid userId)
    {
        PersonId = personId;
        UserId = userId;
    }

    public Guid PersonId { get; private init; }

    Guid IPartOf.RootId => PersonId;

    public Guid UserId { get; private init; }
}
