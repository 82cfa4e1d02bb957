using ChildrenServices.Domain.People;

namespace ChildrenServices.Application.People.Merging;

/// <summary>One of the two records, as the merge pages show it.</summary>
public sealed record MergeParty(Guid Id, string GivenNames, string FamilyName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, string? NhsNumber, PersonType Type, bool IsRestricted, Guid Version)
{
    public string FullName => $"{GivenNames} {FamilyName}";
}
