using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// The page a duty worker reads in 30 seconds at 5pm: what is open for the child now (each with a link),
/// what is due next with its RAG status, and the last five significant events. The people around the
/// child come from the record itself. Read as part of <see cref="GetPersonRecord"/> (its <c>WithOverview</c>),
/// so the record's overview page is one audited view in a fixed number of statements (ADR 0024); the action name
/// stays for the audit rows written before.
/// </summary>
public static class GetRecordOverview
{
    public const int SignificantEvents = 5;

    public const int DueItems = 5;

    /// <summary>The overview's rows in the record's listing statement come after the record's own (<see cref="GetPersonRecord.RowKind"/>).</summary>
    internal const int FirstRowKind = (int)RowKind.Open;

    internal enum RowKind
    {
        Open = 101,
        EarlyHelp = 102,
        Event = 103,
    }

    public sealed record Overview(
        OpenReferral? Referral,
        OpenAssessment? Assessment,
        DateOnly? EnquiryStrategyHeldOn,
        DateOnly? ChildInNeedPlanSince,
        OpenProtectionPlan? ProtectionPlan,
        DateOnly? LookedAfterSince,
        IReadOnlyList<EarlyHelpRow> EarlyHelp,
        IReadOnlyList<DueRow> DueNext,
        IReadOnlyList<EventRow> RecentSignificantEvents)
    {
        public bool NothingOpen => Referral is null && Assessment is null && EnquiryStrategyHeldOn is null && ChildInNeedPlanSince is null
            && ProtectionPlan is null && LookedAfterSince is null && EarlyHelp.Count == 0;
    }

    public sealed record OpenReferral(DateOnly ReferralDate, bool IsReReferral);

    public sealed record OpenAssessment(DateOnly StartedOn, DateOnly DueOn, AssessmentStatus Status);

    public sealed record OpenProtectionPlan(DateOnly StartedOn, string Category);

    public sealed record EarlyHelpRow(Guid EpisodeId, DateOnly StartedOn, string Keyworker);

    public sealed record EventRow(Guid NoteId, DateOnly OccurredOn, CaseNoteType Type, string Title);

    /// <summary>
    /// The overview's part of the record's listing statement: one row of what is open (scalars only: an object-valued
    /// subquery needs APPLY, which SQLite does not have), the open early help episodes, and the significant events on
    /// or after the fifth latest date (the page keeps the latest five).
    /// </summary>
    internal static IQueryable<GetPersonRecord.Row> Rows(IAppDbContext db, Guid id)
    {
        var referrals = db.Referrals.Where(r => r.ChildId == id && r.Status == ReferralStatus.Open).OrderByDescending(r => r.ReferralDate);
        var assessments = db.ChildAndFamilyAssessments.Where(a => a.ChildId == id && a.Status != AssessmentStatus.Authorised).OrderByDescending(a => a.StartedOn);
        var open = db.People.Where(p => p.Id == id)
            .Select(p => new GetPersonRecord.Row
            {
                Kind = (int)RowKind.Open, Id = null, Id2 = null,
                T1 = db.ChildProtectionPlans.Where(c => c.ChildId == id && c.EndedOn == null).Select(c => c.LatestCategory).FirstOrDefault(),
                T2 = null, T3 = null, T4 = null,
                D1 = referrals.Select(r => (DateOnly?)r.ReferralDate).FirstOrDefault(),
                D2 = assessments.Select(a => (DateOnly?)a.StartedOn).FirstOrDefault(),
                D3 = assessments.Select(a => (DateOnly?)a.DueOn).FirstOrDefault(),
                D4 = db.ChildProtectionEnquiries.Where(e => e.ChildId == id && e.ConferenceHeldOn == null && e.ConferenceNeeded != false)
                    .OrderByDescending(e => e.StrategyHeldOn).Select(e => (DateOnly?)e.StrategyHeldOn).FirstOrDefault(),
                D5 = db.ChildInNeedPlans.Where(c => c.ChildId == id && c.EndedOn == null).Select(c => (DateOnly?)c.StartedOn).FirstOrDefault(),
                D6 = db.ChildProtectionPlans.Where(c => c.ChildId == id && c.EndedOn == null).Select(c => (DateOnly?)c.StartedOn).FirstOrDefault(),
                D7 = db.PeriodsOfCare.Where(c => c.ChildId == id && c.EndedOn == null).Select(c => (DateOnly?)c.StartedOn).FirstOrDefault(),
                At = null,
                B1 = referrals.Select(r => r.IsReReferral).FirstOrDefault(),
                NameKind = null, PersonType = null, Relationship = null, Role = null,
                Assessment = assessments.Select(a => (AssessmentStatus?)a.Status).FirstOrDefault(),
                NoteType = null,
            });
        var earlyHelp = db.EarlyHelpEpisodes.Where(e => e.EndedOn == null && e.Children.Any(c => c.ChildId == id))
            .Select(e => new GetPersonRecord.Row
            {
                Kind = (int)RowKind.EarlyHelp, Id = e.Id, Id2 = null,
                T1 = db.Staff.Where(s => s.Id == e.KeyworkerId).Select(s => s.DisplayName).FirstOrDefault() ?? "Not known",
                T2 = null, T3 = null, T4 = null,
                D1 = e.StartedOn, D2 = null, D3 = null, D4 = null, D5 = null, D6 = null, D7 = null, At = null, B1 = false,
                NameKind = null, PersonType = null, Relationship = null, Role = null, Assessment = null, NoteType = null,
            });
        var significant = db.CaseNotes.Where(n => n.ChildId == id && n.Significant);
        var events = significant
            .Where(n => n.OccurredOn >= (significant.OrderByDescending(m => m.OccurredOn).Select(m => (DateOnly?)m.OccurredOn).Skip(SignificantEvents - 1).FirstOrDefault() ?? DateOnly.MinValue))
            .Select(n => new GetPersonRecord.Row
            {
                Kind = (int)RowKind.Event, Id = n.Id, Id2 = null, T1 = n.Title, T2 = null, T3 = null, T4 = null,
                D1 = n.OccurredOn, D2 = null, D3 = null, D4 = null, D5 = null, D6 = null, D7 = null, At = n.RecordedAtUtc, B1 = false,
                NameKind = null, PersonType = null, Relationship = null, Role = null, Assessment = null, NoteType = n.Type,
            });
        return open.Concat(earlyHelp).Concat(events);
    }

    /// <summary>The overview from its rows of the record's listing statement and the child's due work.</summary>
    internal static Overview From(IReadOnlyList<GetPersonRecord.Row> rows, IReadOnlyList<DueRow> dueNext)
    {
        var open = rows.Single(r => r.Kind == (int)RowKind.Open);
        var earlyHelp = rows.Where(r => r.Kind == (int)RowKind.EarlyHelp).OrderBy(r => r.D1)
            .Select(r => new EarlyHelpRow(r.Id!.Value, r.D1!.Value, r.T1!)).ToList();
        var events = rows.Where(r => r.Kind == (int)RowKind.Event).OrderByDescending(r => r.D1).ThenByDescending(r => r.At)
            .Take(SignificantEvents)
            .Select(r => new EventRow(r.Id!.Value, r.D1!.Value, r.NoteType!.Value, r.T1!)).ToList();
        return new Overview(
            open.D1 is { } referred ? new OpenReferral(referred, open.B1) : null,
            open.D2 is { } started ? new OpenAssessment(started, open.D3!.Value, open.Assessment!.Value) : null,
            open.D4,
            open.D5,
            open.D6 is { } since ? new OpenProtectionPlan(since, open.T1!) : null,
            open.D7,
            earlyHelp,
            dueNext,
            events);
    }
}
