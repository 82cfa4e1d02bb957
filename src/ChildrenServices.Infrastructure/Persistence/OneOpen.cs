using System.Data.Common;
using System.Text.RegularExpressions;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChildrenServices.Infrastructure.Persistence;

/// <summary>
/// The filtered unique indexes that back the "only one open" rules of a child's case (ADR 0019), and what a
/// practitioner is told when one refuses a save: the same field error the rule gives when it is caught before
/// the save. Two requests can both pass a check made in the handler (on SQL Server they run side by side); the
/// database refuses the second, and the user sees the rule, never a 500.
/// </summary>
public static partial class OneOpen
{
    public const string LeadPerChild = "UX_Allocations_OneLeadPerChild";

    public const string TransferPerChild = "UX_CaseTransferChildren_OnePendingPerChild";

    public const string ApprovalPerChild = "UX_ApprovalRequestChildren_OneWaitingPerChild";

    public const string StepUpPerEpisode = "UX_ApprovalRequests_OnePendingStepUpPerEpisode";

    public const string ChildInNeedPlanPerChild = "UX_ChildInNeedPlans_OneOpenPerChild";

    public const string ChildProtectionPlanPerChild = "UX_ChildProtectionPlans_OneOpenPerChild";

    public const string PeriodOfCarePerChild = "UX_PeriodsOfCare_OneOpenPerChild";

    /// <summary>One open episode of need (referral) per child: CIN census rule 8815.</summary>
    public const string ReferralPerChild = "UX_Referrals_OneOpenPerChild";

    /// <summary>One open pre-proceedings (no decision to step up or down yet) per child.</summary>
    public const string PreProceedingsPerChild = "UX_PreProceedings_OneOpenPerChild";

    /// <summary>The refusal for each index: its table and columns (SQLite names those, not the index) and the rule's message and field.</summary>
    private static readonly Rule[] Rules =
    [
        new(LeadPerChild, "Allocations", ["ChildId"], _ => (ChildCase.Refusals.LeadChanged, "WorkerId")),
        new(TransferPerChild, "CaseTransferChildren", ["ChildId"], _ => (ChildCase.Refusals.TransferPending, "ToTeamId")),
        new(ApprovalPerChild, "ApprovalRequestChildren", ["ChildId", "Waiting"], entries =>
            entries.Select(e => e.Entity).OfType<ApprovalChild>().Any(c => c.Waiting == ApprovalKind.CaseClosure)
                ? (ChildCase.Refusals.ClosurePending, "ReasonCode")
                : (ChildCase.Refusals.StepDownPending, "Reasons")),
        new(StepUpPerEpisode, "ApprovalRequests", ["EpisodeId"], _ => (ChildCase.Refusals.StepUpPending, "Reasons")),
        new(ChildInNeedPlanPerChild, "ChildInNeedPlans", ["ChildId"], _ => (Domain.SocialCare.ChildInNeedPlan.OneOpenPerChild, "StartedOn")),
        new(ChildProtectionPlanPerChild, "ChildProtectionPlans", ["ChildId"], _ => (Domain.SocialCare.PlanOverlap.SecondOpenChildProtectionPlan, "Outcome")),
        new(PeriodOfCarePerChild, "PeriodsOfCare", ["ChildId"], _ => ("The child is already looked after: record a change of legal status or placement instead", "StartedOn")),
        new(ReferralPerChild, "Referrals", ["ChildId"], _ => (Domain.SocialCare.Referral.OneOpenPerChild, "Outcome")),
        new(PreProceedingsPerChild, "PreProceedings", ["ChildId"], _ => (Domain.SocialCare.PreProceedings.OneOpenPerChild, "StartedOn")),
    ];

    /// <summary>
    /// A filter written once for both providers: identifiers in double quotes. SQL Server reads those only with
    /// QUOTED_IDENTIFIER on (which SqlClient sets, but a script run by sqlcmd does not), so on SQL Server the
    /// model gets them in brackets (<see cref="UseProviderQuoting"/>).
    /// </summary>
    public static string Filter(string filter) => filter;

    /// <summary>Rewrites the one-open filters in SQL Server's own quoting.</summary>
    public static void UseProviderQuoting(Microsoft.EntityFrameworkCore.ModelBuilder builder, bool sqlServer)
    {
        if (!sqlServer)
        {
            return;
        }

        foreach (var index in builder.Model.GetEntityTypes().SelectMany(e => e.GetIndexes()))
        {
            if (index.GetDatabaseName() is { } name && Rules.Any(r => r.Index == name) && index.GetFilter() is { } filter)
            {
                index.SetFilter(QuotedIdentifier().Replace(filter, "[$1]"));
            }
        }
    }

    /// <summary>The rule a failed save broke, as the practitioner is told it; null if it was not one of these indexes.</summary>
    public static DomainRuleException? Refusal(DbUpdateException exception)
    {
        if (exception.InnerException is not DbException db)
        {
            return null;
        }

        var message = db.Message;
        foreach (var rule in Rules)
        {
            // SQL Server names the index; SQLite names the table's columns ("UNIQUE constraint failed: T.A, T.B").
            var sqlite = "UNIQUE constraint failed: " + string.Join(", ", rule.Columns.Select(c => $"{rule.Table}.{c}"));
            if (message.Contains($"'{rule.Index}'", StringComparison.Ordinal)
                || message.Contains(sqlite + "'", StringComparison.Ordinal)
                || message.TrimEnd().TrimEnd('.').EndsWith(sqlite, StringComparison.Ordinal))
            {
                var (text, field) = rule.Refusal(exception.Entries);
                return new DomainRuleException(text, field);
            }
        }

        return null;
    }

    [GeneratedRegex("\"([A-Za-z0-9_]+)\"")]
    private static partial Regex QuotedIdentifier();

    private sealed record Rule(string Index, string Table, string[] Columns, Func<IReadOnlyList<EntityEntry>, (string Message, string Field)> Refusal);
}

/// <summary>Turns a one-open index's refusal into the rule's <see cref="DomainRuleException"/>, whoever saved.</summary>
internal sealed class OneOpenRefusals : SaveChangesInterceptor
{
    public static readonly OneOpenRefusals Instance = new();

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Exception is DbUpdateException update and not DbUpdateConcurrencyException && OneOpen.Refusal(update) is { } refusal)
        {
            throw refusal;
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }
}
