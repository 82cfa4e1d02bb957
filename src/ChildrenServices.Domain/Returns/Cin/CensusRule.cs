namespace ChildrenServices.Domain.Returns.Cin;

/// <summary>An error stops a return being accepted; a query ("Q" rules) asks the council to amend or give a reason.</summary>
public enum RuleSeverity
{
    Error,
    Query,
}

/// <summary>Where a failure is put right: the page that records the item (docs/return-fields.md).</summary>
public enum FixAt
{
    /// <summary>The child's details: identifiers, sex, dates of birth and death, ethnicity, disability.</summary>
    ChildDetails,

    /// <summary>The episode of need: referral date, source, need, no further action, closure.</summary>
    Referral,

    Assessment,
    ChildInNeedPlan,
    Section47,
    ChildProtectionPlan,

    /// <summary>The return as a whole (a proportion across children): nothing on one record to open.</summary>
    Return,

    /// <summary>The child's looked-after record: episodes of care, legal status, placements, leaving care, previous permanence, liberty orders.</summary>
    LookedAfter,

    /// <summary>A looked-after child's review: its date and how the child took part.</summary>
    LookedAfterReview,

    /// <summary>A period missing or away from placement.</summary>
    Missing,

    /// <summary>Whether a looked-after young person is a mother, and her first child's date of birth.</summary>
    Motherhood,

    /// <summary>The child's unaccompanied asylum-seeking status and the day it ceased.</summary>
    Uasc,

    /// <summary>The child's allocations: who leads them, from when, and why the lead changed.</summary>
    Allocation,

    /// <summary>The worker's own details: their Social Work England registration number.</summary>
    StaffDetails,
}

/// <summary>
/// One of the DfE's validation rules for a return (the CIN census, SSDA903): its number as the DfE and the validators name it ("8610", "8525Q"), error
/// or query, the DfE's message (the validators' wording of the DfE's rules spreadsheet, ../shared/reference) and where it is
/// fixed.
/// </summary>
public sealed record CensusRule(string Code, RuleSeverity Severity, string Message, FixAt FixAt)
{
    /// <summary>The message without the DfE's "Please check and either amend (data) or provide a reason:" that opens a query's.</summary>
    public string PlainMessage
    {
        get
        {
            var colon = Message.IndexOf("provide a reason:", StringComparison.Ordinal);
            if (colon < 0)
            {
                return Message;
            }

            var rest = Message[(colon + "provide a reason:".Length)..].Trim();
            return rest.Length == 0 ? Message : char.ToUpperInvariant(rest[0]) + rest[1..];
        }
    }
}

/// <summary>A rule a child's record breaks: which child, and the record to open (null for a return-wide rule).</summary>
/// <param name="RecordId">The referral, assessment, plan or enquiry at fault, for <see cref="CensusRule.FixAt"/>.</param>
public sealed record CensusFailure(CensusRule Rule, Guid? PersonId, string? LocalId, Guid? RecordId, bool Restricted = false);
