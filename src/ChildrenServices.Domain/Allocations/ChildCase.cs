using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;

namespace ChildrenServices.Domain.Allocations;

/// <summary>What is open on a child's case when it is loaded: what stops it closing or stepping down.</summary>
/// <param name="ChildInNeedPlan">A child in need plan has not ended.</param>
/// <param name="ChildProtectionPlan">A child protection plan has not ended.</param>
/// <param name="Section47Enquiry">A section 47 enquiry has no outcome yet, or is waiting for its conference.</param>
/// <param name="PeriodOfCare">The child is looked after.</param>
/// <param name="UnauthorisedAssessment">The open referral has an assessment not yet authorised.</param>
/// <param name="AuthorisedAssessment">The open referral has an authorised (completed) assessment.</param>
/// <param name="PendingTransfer">A transfer of the child is waiting for the receiving team.</param>
/// <param name="PendingStepDown">A step-down of the child is waiting for a manager.</param>
/// <param name="PendingClosure">A closure of the child's case is waiting for a manager.</param>
/// <param name="PreProceedings">Pre-proceedings are open: no decision to step up or down yet.</param>
public sealed record OpenOnCase(
    bool ChildInNeedPlan = false,
    bool ChildProtectionPlan = false,
    bool Section47Enquiry = false,
    bool PeriodOfCare = false,
    bool UnauthorisedAssessment = false,
    bool AuthorisedAssessment = false,
    bool PendingTransfer = false,
    bool PendingStepDown = false,
    bool PendingClosure = false,
    bool PreProceedings = false);

/// <summary>
/// A child's case: its open episode of need (the open referral), the workers holding it (its open
/// allocations) and what is open on it (plans, an enquiry, a period of care, a transfer or a request
/// waiting for a manager). It is the one place the case's rules live:
/// <list type="bullet">
/// <item>never more than one lead worker: whoever becomes lead (allocation, transfer, step-down) takes
/// the lead from whoever had it, who ends or stays alongside as a co-worker;</item>
/// <item>co-working gives a co-worker's rights only: the team holding the case is the lead's
/// (<see cref="HoldingTeamId"/>), never a co-worker's;</item>
/// <item>nothing closes (or steps down) while a child protection plan, a section 47 enquiry or a period of
/// care is open; a closure also waits for the child in need plan and the assessment;</item>
/// <item>one transfer, one step-down and one closure waiting at a time.</item>
/// </list>
/// It is loaded whole by the application for one request and saved through its parts' tables. Between two
/// concurrent requests the "one open" rules are held by filtered unique indexes (ADR 0019), whose
/// refusal is shown with the message of the rule here (<see cref="Refusals"/>).
/// </summary>
public sealed class ChildCase
{
    private readonly List<Allocation> allocations;

    public ChildCase(Guid childId, IEnumerable<Allocation> openAllocations, Referral? openReferral, OpenOnCase open)
    {
        ChildId = childId;
        allocations = [.. openAllocations.Where(a => a.ChildId == childId && a.EndedOn is null)];
        OpenReferral = openReferral is { Status: ReferralStatus.Open } && openReferral.ChildId == childId ? openReferral : null;
        Open = open;
        if (allocations.Count(a => a.Role == AllocationRole.Lead) > 1)
        {
            throw new InvalidOperationException("A child's case was loaded with more than one lead worker");
        }
    }

    public Guid ChildId { get; }

    /// <summary>The workers holding the case now (ended allocations are history, not part of the case).</summary>
    public IReadOnlyList<Allocation> Allocations => allocations.Where(a => a.EndedOn is null).ToList();

    public Allocation? Lead => allocations.SingleOrDefault(a => a.EndedOn is null && a.Role == AllocationRole.Lead);

    /// <summary>
    /// The team holding the case: the lead's, or with no lead, the team the open referral is with. A co-worker's
    /// team never holds it, so its manager cannot transfer the case, end the lead or record statutory work.
    /// </summary>
    public Guid? HoldingTeamId => Lead?.TeamId ?? OpenReferral?.TeamId;

    public Referral? OpenReferral { get; private set; }

    public OpenOnCase Open { get; private set; }

    /// <summary>
    /// A manager allocates a worker as lead or co-worker. A new lead takes the lead from the old one, whose
    /// allocation ends the day before (or today, if it only started today).
    /// </summary>
    /// <param name="leadReason">
    /// Why the lead changes (SW_REASON): required when a lead is replaced, and never "first contact" then; with no lead
    /// now it defaults to FCONTA, first contact or re-referral.
    /// </param>
    public Allocation Allocate(Guid workerId, Guid teamId, AllocationRole role, DateOnly today, Guid allocatedById, string? leadReason = null)
    {
        if (allocations.Any(a => a.EndedOn is null && a.WorkerId == workerId))
        {
            throw new DomainRuleException(Refusals.AlreadyAllocated, "WorkerId");
        }

        // The lead's team holds the case: a lead from any other team would move the case without a handover.
        // The team an open referral went to may take it (the front door sent the child there).
        if (role == AllocationRole.Lead && HoldingTeamId is { } holding && teamId != holding && teamId != OpenReferral?.TeamId)
        {
            throw new DomainRuleException(Refusals.HeldByAnotherTeam, "WorkerId");
        }

        var reason = role == AllocationRole.Lead ? LeadReasonFor(leadReason, replacing: Lead is not null) : null;
        if (role == AllocationRole.Lead && Lead is { } lead)
        {
            lead.End(lead.StartedOn < today ? today.AddDays(-1) : today);
        }

        return Start(workerId, teamId, role, today, allocatedById, reason);
    }

    /// <summary>
    /// The reason a new lead starts (SSDA903 SW_REASON). Replacing a lead needs the manager's reason, which is not "first
    /// contact or re-referral" (the child already had a worker) nor "transfer" (a transfer between teams records that
    /// itself). With no lead now, the manager's reason or, by default, first contact or re-referral.
    /// </summary>
    private static string LeadReasonFor(string? given, bool replacing)
    {
        var reason = string.IsNullOrWhiteSpace(given) ? null : given.Trim().ToUpperInvariant();
        if (reason is null)
        {
            return replacing ? throw new DomainRuleException(Refusals.LeadReasonNeeded, "LeadReason") : "FCONTA";
        }

        if (!Codes.Ssda903Codes.SocialWorkerChangeReason.Contains(reason))
        {
            throw new DomainRuleException("Select a reason for the change of lead worker from the list", "LeadReason");
        }

        if (replacing && reason is "FCONTA" or "TSPROC")
        {
            throw new DomainRuleException(
                reason == "FCONTA"
                    ? "The child already has a lead worker, so this is not a first contact: select why the lead worker is changing"
                    : "A transfer between teams records its own reason: select why the lead worker is changing within the team",
                "LeadReason");
        }

        return reason;
    }

    /// <summary>One allocation ends today; ending the lead leaves the case with no lead until a manager allocates.</summary>
    public void EndAllocation(Guid allocationId, DateOnly today)
    {
        var allocation = allocations.SingleOrDefault(a => a.Id == allocationId && a.EndedOn is null)
            ?? throw new DomainRuleException("This allocation has already ended", "AllocationId");
        allocation.End(today);
    }

    /// <summary>
    /// A manager moves the case from the worker who leads it to another worker in the same team: the lead ends
    /// the day before (or today), a co-working allocation of the new worker ends, and the new worker leads.
    /// </summary>
    public Allocation Reallocate(Guid fromWorkerId, Guid toWorkerId, DateOnly today, Guid allocatedById, string? leadReason = null)
    {
        var lead = Lead is { } l && l.WorkerId == fromWorkerId ? l
            : throw new DomainRuleException(Refusals.NoLongerLedBy, "ChildIds");
        var reason = LeadReasonFor(leadReason, replacing: true);
        var ended = today.AddDays(-1) < lead.StartedOn ? today : today.AddDays(-1);
        lead.End(ended);
        foreach (var alongside in allocations.Where(a => a.EndedOn is null && a.WorkerId == toWorkerId))
        {
            alongside.End(alongside.StartedOn < today ? today.AddDays(-1) : today);
        }

        return Start(toWorkerId, lead.TeamId, AllocationRole.Lead, today, allocatedById, reason);
    }

    /// <summary>A transfer is asked for: refused while another is waiting for its receiving team.</summary>
    public void EnsureCanTransfer()
    {
        if (Open.PendingTransfer)
        {
            throw new DomainRuleException(Refusals.TransferPending, "ToTeamId");
        }
    }

    /// <summary>
    /// The receiving team accepts: the sending team's allocations end today and the new worker starts today in
    /// the same role (lead for lead, co-worker for co-worker; lead when the sending team had no one). A new lead
    /// takes the lead from any other (who stays as a co-worker). The open referral the sending team held moves.
    /// Returns the new allocation, or null when the worker already worked with the child in the same role.
    /// </summary>
    public Allocation? AcceptTransfer(Guid fromTeamId, Guid toTeamId, Guid workerId, DateOnly today, Guid allocatedById)
    {
        var sending = allocations.Where(a => a.EndedOn is null && a.TeamId == fromTeamId).ToList();
        var role = sending.Count == 0 || sending.Any(a => a.Role == AllocationRole.Lead) ? AllocationRole.Lead : AllocationRole.CoWorker;
        foreach (var allocation in sending)
        {
            allocation.End(today);
        }

        if (OpenReferral is { } referral && referral.TeamId == fromTeamId)
        {
            referral.TransferTo(toTeamId);
        }

        Open = Open with { PendingTransfer = false };
        var existing = allocations.FirstOrDefault(a => a.EndedOn is null && a.WorkerId == workerId);
        if (existing is not null)
        {
            return role == AllocationRole.Lead ? MakeLead(existing, today, allocatedById) : null;
        }

        if (role == AllocationRole.Lead && Lead is { } lead)
        {
            lead.BecomeCoWorker();
        }

        return Start(workerId, toTeamId, role, today, allocatedById, role == AllocationRole.Lead ? TransferReason : null);
    }

    /// <summary>
    /// A step-up is approved: the keyworker's lead allocation in the early help team becomes co-working, so the
    /// social worker to come can lead while the family keeps its worker.
    /// </summary>
    public void StepUp(Guid earlyHelpTeamId)
    {
        if (Lead is { } lead && lead.TeamId == earlyHelpTeamId)
        {
            lead.BecomeCoWorker();
        }
    }

    /// <summary>A step-down is asked for: the child must be open to social care with no child protection plan, and none waiting.</summary>
    public void EnsureCanStepDown()
    {
        if (OpenReferral is null)
        {
            throw new DomainRuleException("The child is not open to children's social care", "Stage");
        }

        EnsureNothingStatutoryOpen("Stage", "before the family can step down");
        if (Open.PendingStepDown)
        {
            throw new DomainRuleException(Refusals.StepDownPending, "Reasons");
        }
    }

    /// <summary>
    /// A step-down is approved: the keyworker (already co-working, or chosen) leads; every other allocation
    /// outside the early help teams ends; the open referral closes with the stage's reason code (the child in
    /// need plan has been ended with it by the caller). Returns the keyworker's new lead allocation, if any.
    /// </summary>
    public Allocation? StepDown(Guid keyworkerId, Guid keyworkerTeamId, IReadOnlyCollection<Guid> earlyHelpTeamIds, string reasonCode, DateOnly today, Guid allocatedById)
    {
        EnsureNothingStatutoryOpen("Approve", "before the family can step down");
        if (OpenReferral is { } referral)
        {
            referral.Close(today < referral.ReferralDate ? referral.ReferralDate : today, reasonCode);
            OpenReferral = null;
        }

        foreach (var allocation in allocations.Where(a => a.EndedOn is null && !earlyHelpTeamIds.Contains(a.TeamId)
            && !(a.WorkerId == keyworkerId && a.TeamId == keyworkerTeamId)))
        {
            allocation.End(today < allocation.StartedOn ? allocation.StartedOn : today);
        }

        Open = Open with { PendingStepDown = false, ChildInNeedPlan = false };
        var keyworker = allocations.FirstOrDefault(a => a.EndedOn is null && a.WorkerId == keyworkerId);
        if (keyworker is not null)
        {
            return keyworker.TeamId == keyworkerTeamId ? MakeLead(keyworker, today, allocatedById) : null;
        }

        if (Lead is { } lead)
        {
            lead.BecomeCoWorker();
        }

        return Start(keyworkerId, keyworkerTeamId, AllocationRole.Lead, today, allocatedById, TransferReason);
    }

    /// <summary>
    /// What must be true before the case closes: an open referral, no plan, enquiry, period of care or
    /// unauthorised assessment still open (CIN rule 8867), and "closed after assessment" (RC8) only when an
    /// assessment was completed (8825Q). Checked when the worker asks and again when the manager approves.
    /// </summary>
    public Referral EnsureCanClose(string reasonCode)
    {
        var referral = OpenReferral ?? throw new DomainRuleException("The child has no open social care involvement to close", "ReasonCode");
        if (Open.ChildInNeedPlan)
        {
            throw new DomainRuleException("The child in need plan is still open: end it before the case closes", "ReasonCode");
        }

        EnsureNothingStatutoryOpen("ReasonCode", "before the case closes");
        if (Open.UnauthorisedAssessment)
        {
            throw new DomainRuleException("The assessment is not authorised yet: it must be completed before the case closes", "ReasonCode");
        }

        if (reasonCode == "RC8" && !Open.AuthorisedAssessment)
        {
            throw new DomainRuleException("RC8 means closed after an assessment, and this referral has no completed assessment", "ReasonCode");
        }

        return referral;
    }

    /// <summary>A closure is asked for: it must be able to close, and no other closure may be waiting.</summary>
    public void EnsureCanRequestClosure(string reasonCode)
    {
        EnsureCanClose(reasonCode);
        if (Open.PendingClosure)
        {
            throw new DomainRuleException(Refusals.ClosurePending, "ReasonCode");
        }
    }

    /// <summary>
    /// A closure is approved: if nothing has been opened since the worker asked, the referral closes with the
    /// reason given and the holding team's allocations end.
    /// </summary>
    public void Close(string reasonCode, DateOnly today)
    {
        var referral = EnsureCanClose(reasonCode);
        CloseInvolvement(referral, reasonCode, today);
    }

    /// <summary>
    /// An assessment with no further action is authorised: the referral closes and the team's allocations end. The
    /// assessment has only just been authorised, so the closure checks are not asked again. RC8 ("closed after
    /// assessment, no further action") unless a section 47 enquiry or a plan was on the referral, which the DfE counts as
    /// activity an RC8 episode may not have (CIN census rule 2990): then RC7, services ceased. Returns the code used.
    /// </summary>
    public string CloseAfterAssessment(Referral referral, DateOnly today, bool section47OrPlan = false)
    {
        if (referral.ChildId != ChildId)
        {
            throw new InvalidOperationException("The referral is not this child's");
        }

        var code = section47OrPlan ? "RC7" : "RC8";
        CloseInvolvement(referral, code, today);
        return code;
    }

    /// <summary>
    /// The manager of the team holding the case ends the referral with no further action, before anything statutory was
    /// recorded on it (the census's ReferralNFA); the team's allocations end with it. A looked-after child's
    /// episode of need stays open while care lasts.
    /// </summary>
    public void EndReferralWithNoFurtherAction(Referral referral, DateOnly on, string reasonCode, string rationale, Guid managerId, RecordedOnReferral recorded, DateOnly today)
    {
        if (referral.ChildId != ChildId)
        {
            throw new InvalidOperationException("The referral is not this child's");
        }

        if (Open.PeriodOfCare)
        {
            throw new DomainRuleException("The child is looked after, and a looked-after child's episode of need stays open while care lasts", "ClosedOn");
        }

        if (Open.PendingClosure || Open.PendingStepDown)
        {
            throw new DomainRuleException(
                $"A {(Open.PendingClosure ? "closure of the case" : "step-down to early help")} is waiting for a manager's decision: decide that first", "ClosedOn");
        }

        referral.EndWithNoFurtherAction(on, reasonCode, rationale, managerId, recorded, today);
        Release(referral, today);
    }

    private void CloseInvolvement(Referral referral, string reasonCode, DateOnly today)
    {
        referral.Close(today < referral.ReferralDate ? referral.ReferralDate : today, reasonCode);
        Release(referral, today);
    }

    /// <summary>The referral has closed: the allocations of the team it was with end, and the case no longer has it open.</summary>
    private void Release(Referral referral, DateOnly today)
    {
        foreach (var allocation in allocations.Where(a => a.EndedOn is null && a.TeamId == referral.TeamId))
        {
            allocation.End(today < allocation.StartedOn ? allocation.StartedOn : today);
        }

        if (OpenReferral == referral)
        {
            OpenReferral = null;
        }

        Open = Open with { PendingClosure = false };
    }

    private void EnsureNothingStatutoryOpen(string field, string when)
    {
        if (Open.ChildProtectionPlan)
        {
            throw new DomainRuleException($"The child protection plan is still open: it ends at a review conference, or is ended for a reason such as a move to another council, {when}", field);
        }

        if (Open.Section47Enquiry)
        {
            throw new DomainRuleException($"The section 47 enquiry is still open: record its outcome (and its conference) {when}", field);
        }

        if (Open.PeriodOfCare)
        {
            throw new DomainRuleException($"The child is looked after: the period of care must end {when}", field);
        }

        if (Open.PreProceedings)
        {
            throw new DomainRuleException($"The child is in pre-proceedings: record the decision to step up or down {when}", field);
        }
    }

    /// <summary>
    /// The one way a worker already on the case becomes lead: whoever led before stays alongside as a co-worker,
    /// and the worker's co-working ends today as their lead starts today. A new row rather than a changed one, so
    /// the save ends the old lead before it starts the new (updates before inserts) and never holds two leads, even
    /// for a moment, under the index that allows one (ADR 0019).
    /// </summary>
    private Allocation MakeLead(Allocation allocation, DateOnly today, Guid allocatedById)
    {
        if (Lead is { } lead && lead != allocation)
        {
            lead.BecomeCoWorker();
        }

        allocation.End(today < allocation.StartedOn ? allocation.StartedOn : today);
        return Start(allocation.WorkerId, allocation.TeamId, AllocationRole.Lead, today, allocatedById, TransferReason);
    }

    /// <summary>A lead who starts because the case moved between teams by the standard process (a transfer, a step-down): SW_REASON TSPROC.</summary>
    private const string TransferReason = "TSPROC";

    private Allocation Start(Guid workerId, Guid teamId, AllocationRole role, DateOnly today, Guid allocatedById, string? leadReason)
    {
        var allocation = new Allocation(ChildId, workerId, teamId, role, today, allocatedById, leadReason);
        allocations.Add(allocation);
        return allocation;
    }

    /// <summary>
    /// What a practitioner is told when a rule of the case refuses them, whether the rule is caught here or, when
    /// two requests raced past it, by the database's unique index that backs it.
    /// </summary>
    public static class Refusals
    {
        public const string AlreadyAllocated = "This worker is already allocated to the child";

        public const string HeldByAnotherTeam = "Another team holds this child's case: a worker from your team can co-work, or its manager can transfer the case to your team";

        public const string LeadChanged = "Someone else has just changed who leads this child's case: check the allocations and try again";

        public const string NoLongerLedBy = "One of the children selected is no longer led by this worker in your team: they may have been moved since you opened the page. Nothing was moved.";

        public const string TransferPending = "A transfer for this family is already waiting for the receiving team";

        public const string StepUpPending = "A step-up for this family is already waiting for a decision";

        public const string StepDownPending = "A step-down for this child is already waiting for a decision";

        public const string ClosurePending = "A closure for this child is already waiting for a decision";

        public const string LeadReasonNeeded = "Select why the lead worker is changing";
    }
}
