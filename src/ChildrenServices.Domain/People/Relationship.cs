namespace ChildrenServices.Domain.People;

/// <summary>How the related person stands to the person: "Alex is the <em>parent</em> of Sam".</summary>
public enum RelationshipKind
{
    Parent = 1,
    StepParent = 2,
    Carer = 3,
    Sibling = 4,
    HalfSibling = 5,
    Grandparent = 6,
    OtherRelative = 7,
    Other = 8,
}

/// <summary>
/// A relationship between two people, stored once: <see cref="RelatedPersonId"/> is the
/// <see cref="Kind"/> of <see cref="PersonId"/>. The family view reads it from either side.
/// Standalone (<see cref="Common.IStandaloneRecord"/>): it links two people and belongs to neither, so adding or ending one
/// does not make an open edit of either person's details stale.
/// </summary>
public sealed class Relationship : Common.IStandaloneRecord
{
    private Relationship()
    {
    }

    public Relationship(Guid personId, Guid relatedPersonId, RelationshipKind kind, bool hasParentalResponsibility, string? notes)
    {
        if (personId == relatedPersonId)
        {
            throw new Common.DomainRuleException("Choose a different person: someone cannot be related to themselves", "RelatedPersonId");
        }

        PersonId = personId;
        RelatedPersonId = relatedPersonId;
        Kind = kind;
        HasParentalResponsibility = hasParentalResponsibility;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private init; }

    public Guid RelatedPersonId { get; private init; }

    public RelationshipKind Kind { get; private set; }

    public bool HasParentalResponsibility { get; private set; }

    public string? Notes { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public void End(DateOnly on) => EndedOn = on;

    /// <summary>The word for the related person, seen from the person ("parent").</summary>
    public static string Describe(RelationshipKind kind) => kind switch
    {
        RelationshipKind.Parent => "Parent",
        RelationshipKind.StepParent => "Step-parent",
        RelationshipKind.Carer => "Carer",
        RelationshipKind.Sibling => "Sibling",
        RelationshipKind.HalfSibling => "Half-sibling",
        RelationshipKind.Grandparent => "Grandparent",
        RelationshipKind.OtherRelative => "Other relative",
        _ => "Other",
    };

    /// <summary>The word for the person, seen from the related person ("child" of a parent).</summary>
    public static string DescribeInverse(RelationshipKind kind) => kind switch
    {
        RelationshipKind.Parent => "Child",
        RelationshipKind.StepParent => "Stepchild",
        RelationshipKind.Carer => "Cared-for child",
        RelationshipKind.Sibling => "Sibling",
        RelationshipKind.HalfSibling => "Half-sibling",
        RelationshipKind.Grandparent => "Grandchild",
        RelationshipKind.OtherRelative => "Other relative",
        _ => "Other",
    };
}
