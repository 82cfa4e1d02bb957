using ChildrenServices.Domain.Returns.Cin;
using E = ChildrenServices.Domain.Returns.Cin.RuleSeverity;

namespace ChildrenServices.Domain.Returns.Ssda903;

/// <summary>
/// The DfE's SSDA903 validation rules this product checks before the return leaves (docs/returns.md lists them, and the
/// ones it does not check and why). Each rule is the DfE's, read from its message and the fields it names in the reference
/// material (../shared/reference/dfe/ssda903.md, section 3.5: the public 903 validator's wording); where a message leaves
/// the test open, the reading chosen is written beside it. The rules are split by the file they are about:
/// <list type="bullet">
/// <item>this file: the rules across the return (a child or UPN twice) and the order the rest run in;</item>
/// <item>Ssda903Rules.Episodes.cs: the Episodes file;</item>
/// <item>Ssda903Rules.Child.cs: the Header, UASC, Reviews, Missing, PrevPerm, SWEpisodes and DoLo files.</item>
/// </list>
/// </summary>
/// <remarks>
/// The 903 rule list does not mark rules as errors or queries (the CIN census's "Q" suffix has no 903 counterpart in the
/// reference). A rule whose message says the data "appears" wrong, that the DfE "expects" otherwise, or whose validator note
/// warns of false positives is treated as a query; every other rule as an error (docs/returns.md).
/// </remarks>
public sealed partial class Ssda903Rules(CollectionYear year)
{
    private static List<CensusRule>? registry;

    // The return as a whole.
    private static readonly CensusRule RInt32 = Add("INT32", E.Error, "Internal Check: Child should only exist once in Header.", FixAt.ChildDetails);
    private static readonly CensusRule R444 = Add("444", E.Error, "Duplicate UPN has been reported", FixAt.ChildDetails);

    /// <summary>Every rule checked.</summary>
    public static IReadOnlyList<CensusRule> All => registry ?? [];

    public static CensusRule Find(string code) => All.Single(r => r.Code == code);

    public CollectionYear Year => year;

    /// <summary>The rules about one child: the header and each file's rows for the child.</summary>
    public IReadOnlyList<CensusFailure> Check(LacChild child)
    {
        var failures = new List<CensusFailure>();
        void Fail(CensusRule rule, Guid? record) => failures.Add(new CensusFailure(rule, child.PersonId, child.LocalId, record, child.Restricted));

        CheckChild(child, Fail);
        CheckEpisodes(child, Fail);
        return failures;
    }

    /// <summary>
    /// The whole return checked as it streams: each child fed in turn gets the rules about it, and the rules across the
    /// return (a child or a UPN twice) are finished at the end.
    /// </summary>
    public ReturnCheck StartReturn() => new(this);

    private static CensusRule Add(string code, RuleSeverity severity, string message, FixAt fixAt)
    {
        var rule = new CensusRule(code, severity, message, fixAt);
        (registry ??= []).Add(rule);
        return rule;
    }

    /// <summary>The Header, UASC, Reviews, Missing, PrevPerm, SWEpisodes and DoLo rules (Ssda903Rules.Child.cs).</summary>
    private partial void CheckChild(LacChild child, Action<CensusRule, Guid?> fail);

    /// <summary>The Episodes rules (Ssda903Rules.Episodes.cs).</summary>
    private partial void CheckEpisodes(LacChild child, Action<CensusRule, Guid?> fail);

    public sealed class ReturnCheck(Ssda903Rules rules)
    {
        private readonly HashSet<string> localIds = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> upns = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<CensusFailure> duplicates = [];

        /// <summary>The children fed in so far.</summary>
        public int Children { get; private set; }

        /// <summary>Their episodes of care in the year.</summary>
        public int Episodes { get; private set; }

        /// <summary>Feeds in the next child: the rules about it are checked now and its failures returned.</summary>
        public IReadOnlyList<CensusFailure> Add(LacChild child)
        {
            Children++;
            Episodes += child.EpisodesIn(rules.Year).Count;
            if (!string.IsNullOrEmpty(child.LocalId) && !localIds.Add(child.LocalId))
            {
                duplicates.Add(new CensusFailure(RInt32, child.PersonId, child.LocalId, null, child.Restricted));
            }

            // UN1–UN5 stand for a UPN not known: many children share them.
            if (child.Upn is { Length: 13 } upn && !upns.Add(upn))
            {
                duplicates.Add(new CensusFailure(R444, child.PersonId, child.LocalId, null, child.Restricted));
            }

            return rules.Check(child);
        }

        /// <summary>The failures across the return, once every child is in.</summary>
        public IReadOnlyList<CensusFailure> Finish() => duplicates;
    }
}
