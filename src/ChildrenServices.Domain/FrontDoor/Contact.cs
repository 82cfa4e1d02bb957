using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.FrontDoor;

/// <summary>Who raised the worry. A member of the public has no agency or DfE professional source.</summary>
public sealed record Referrer(string Name, string? Agency, string? Role, string? Phone, string? Email, string SourceCode);

/// <summary>What the referrer told us, in their words and in the practice model's three questions.</summary>
public sealed record ContactAccount(string Concerns, string? WorkingWell, string? Worries, string? LivedExperience);

/// <summary>
/// Every worry about a child enters here. A contact holds the referrer, the children and adults it is
/// about, what was said, any CADS consultation and MASH checks, and the decisions made on it. A
/// decision is never edited: a correction is a new decision that supersedes the last.
/// </summary>
public sealed class Contact : Aggregate
{
    public const int LongTextLimit = 10_000;
    public const int ShortTextLimit = 200;

    private readonly List<ContactPerson> people = [];
    private readonly List<ReportedChild> reportedChildren = [];
    private readonly List<AgreedAction> agreedActions = [];
    private readonly List<MashCheck> mashChecks = [];
    private readonly List<ContactDecision> decisions = [];

    private Contact()
    {
        Reference = string.Empty;
        Referrer = null!;
        Account = null!;
    }

    private Contact(string reference, ContactRoute route, DateTime receivedAtUtc, DateTime decisionDueAtUtc, Referrer referrer, ContactAccount account, ConsentToShare consent, string? consentOverrideReason, ContactUrgency urgency, Guid? recordedById)
    {
        Reference = reference;
        Route = route;
        ReceivedAtUtc = receivedAtUtc;
        DecisionDueAtUtc = decisionDueAtUtc;
        Referrer = referrer;
        Account = account;
        Urgency = urgency;
        RecordedById = recordedById;
        Status = ContactStatus.AwaitingDecision;
        SetConsent(consent, consentOverrideReason);
    }

    /// <summary>The number a referrer quotes: short, unambiguous, never a database id.</summary>
    public string Reference { get; private init; }

    public ContactRoute Route { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>One working day from receipt (see <see cref="DecisionDeadline"/>).</summary>
    public DateTime DecisionDueAtUtc { get; private set; }

    public Referrer Referrer { get; private set; }

    public ContactAccount Account { get; private set; }

    public ConsentToShare Consent { get; private set; }

    public string? ConsentOverrideReason { get; private set; }

    public ContactUrgency Urgency { get; private set; }

    public ContactStatus Status { get; private set; }

    /// <summary>The practitioner holding the contact; null while it waits in the queue unassigned.</summary>
    public Guid? AssignedToId { get; private set; }

    /// <summary>Null for an online request: nobody signed in recorded it.</summary>
    public Guid? RecordedById { get; private init; }

    /// <summary>Online requests: the other people the requester told us about, in their words.</summary>
    public string? ReportedAdults { get; private set; }

    public Consultation? Consultation { get; private set; }

    public string? MashOutcome { get; private set; }

    public RagRating? MashRag { get; private set; }

    public DateTime? MashOutcomeAtUtc { get; private set; }

    public IReadOnlyList<ContactPerson> People => people;

    public IReadOnlyList<ReportedChild> ReportedChildren => reportedChildren;

    public IReadOnlyList<AgreedAction> AgreedActions => agreedActions;

    public IReadOnlyList<MashCheck> MashChecks => mashChecks;

    public IReadOnlyList<ContactDecision> Decisions => decisions;

    /// <summary>The decision in force: not superseded, and agreed where it needed sign-off.</summary>
    public ContactDecision? DecisionInForce => decisions.SingleOrDefault(d => d.InForce);

    public ContactDecision? PendingDecision => decisions.SingleOrDefault(d => d.SignOff == SignOffState.Pending);

    public static Contact Record(string reference, ContactRoute route, DateTime receivedAtUtc, DateTime decisionDueAtUtc, Referrer referrer, ContactAccount account, ConsentToShare consent, string? consentOverrideReason, ContactUrgency urgency, Guid? recordedById, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new ArgumentException("A contact needs a reference", nameof(reference));
        }

        if (receivedAtUtc > nowUtc.AddMinutes(5))
        {
            throw new DomainRuleException("The date and time received cannot be in the future", "ReceivedDate");
        }

        CheckText(referrer, account);
        return new Contact(reference, route, receivedAtUtc, decisionDueAtUtc, referrer, account, consent, consentOverrideReason, urgency, recordedById);
    }

    public void UpdateDetails(ContactRoute route, DateTime receivedAtUtc, DateTime decisionDueAtUtc, Referrer referrer, ContactAccount account, ConsentToShare consent, string? consentOverrideReason, ContactUrgency urgency, DateTime nowUtc)
    {
        EnsureUndecided();
        if (receivedAtUtc > nowUtc.AddMinutes(5))
        {
            throw new DomainRuleException("The date and time received cannot be in the future", "ReceivedDate");
        }

        CheckText(referrer, account);
        Route = route;
        ReceivedAtUtc = receivedAtUtc;
        DecisionDueAtUtc = decisionDueAtUtc;
        Referrer = referrer;
        Account = account;
        Urgency = urgency;
        SetConsent(consent, consentOverrideReason);
    }

    public void SetReportedAdults(string? text) => ReportedAdults = string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public ReportedChild AddReportedChild(string givenName, string familyName, DateOnly? dateOfBirth, string? ageOrOtherDetails, string? address, string? school)
    {
        var child = new ReportedChild(Id, givenName, familyName, dateOfBirth, ageOrOtherDetails, address, school);
        reportedChildren.Add(child);
        return child;
    }

    /// <summary>A reported child has been found on (or added to) the system.</summary>
    public void MatchReportedChild(Guid reportedChildId, Guid personId)
    {
        var reported = reportedChildren.SingleOrDefault(r => r.Id == reportedChildId)
            ?? throw new DomainRuleException("That child is not on this request", "ReportedChildId");
        reported.MatchedPersonId = personId;
        LinkPerson(personId, ContactPersonRole.Child);
    }

    public void LinkPerson(Guid personId, ContactPersonRole role)
    {
        EnsureUndecided();
        if (people.Any(p => p.PersonId == personId))
        {
            throw new DomainRuleException("This person is already on the contact", "PersonId");
        }

        people.Add(new ContactPerson(Id, personId, role));
    }

    public void UnlinkPerson(Guid personId)
    {
        EnsureUndecided();
        people.RemoveAll(p => p.PersonId == personId);
        foreach (var reported in reportedChildren.Where(r => r.MatchedPersonId == personId))
        {
            reported.MatchedPersonId = null;
        }
    }

    public void AssignTo(Guid? userId)
    {
        EnsureUndecided();
        AssignedToId = userId;
    }

    public void RecordConsultation(Consultation consultation, IEnumerable<AgreedAction> actions)
    {
        if (Status == ContactStatus.Decided && Consultation is not null)
        {
            throw new DomainRuleException("The consultation is part of a decided contact: record a case note instead", "Discussion");
        }

        Consultation = consultation;
        agreedActions.Clear();
        agreedActions.AddRange(actions.Select(a => a with { ContactId = Id }));
    }

    public MashCheck RequestCheck(PartnerAgency agency, string? agencyName, string question, DateTime requestedAtUtc, DateTime dueAtUtc, Guid requestedById)
    {
        if (Status == ContactStatus.Decided)
        {
            throw new DomainRuleException("Checks cannot be requested on a decided contact", "Agency");
        }

        if (Consent == ConsentToShare.Refused)
        {
            throw new DomainRuleException("Consent to share was refused: record an override with a reason before checking with partner agencies", "Agency");
        }

        if (dueAtUtc <= requestedAtUtc)
        {
            throw new DomainRuleException("The response due time must be after the request", "DueTime");
        }

        if (agency == PartnerAgency.Other && string.IsNullOrWhiteSpace(agencyName))
        {
            throw new DomainRuleException("Enter the name of the agency", "AgencyName");
        }

        var check = new MashCheck(Id, agency, agencyName, question, requestedAtUtc, dueAtUtc, requestedById);
        mashChecks.Add(check);
        return check;
    }

    public void RecordCheckResponse(Guid checkId, string response, RagRating rag, DateTime respondedAtUtc, Guid recordedById)
    {
        var check = mashChecks.SingleOrDefault(c => c.Id == checkId)
            ?? throw new DomainRuleException("That check is not on this contact", "CheckId");
        // Times are typed to the minute: an answer in the same minute as the request is not "before" it.
        var requestedMinute = check.RequestedAtUtc.AddTicks(-(check.RequestedAtUtc.Ticks % TimeSpan.TicksPerMinute));
        if (respondedAtUtc < requestedMinute)
        {
            throw new DomainRuleException("The response cannot be before the check was requested", "RespondedDate");
        }

        check.Respond(response, rag, respondedAtUtc, recordedById);
    }

    public void RecordMashOutcome(string outcome, RagRating rag, DateTime nowUtc)
    {
        if (mashChecks.Count == 0)
        {
            throw new DomainRuleException("Request at least one partner agency check before recording the MASH outcome", "Outcome");
        }

        MashOutcome = outcome;
        MashRag = rag;
        MashOutcomeAtUtc = nowUtc;
    }

    /// <summary>
    /// Records a decision. Where sign-off is needed it waits for a manager; otherwise it is in force at
    /// once. Correcting a decision in force needs a reason and supersedes it.
    /// </summary>
    public ContactDecision Decide(DecisionDetails details, bool needsSignOff, Guid decidedById, DateTime nowUtc)
    {
        if (Status == ContactStatus.AwaitingSignOff)
        {
            throw new DomainRuleException("A decision is waiting for manager sign-off: it must be agreed or returned first", "Outcome");
        }

        if (people.All(p => p.Role != ContactPersonRole.Child) && !IsConsultationWithoutAChild(details.Outcome))
        {
            throw new DomainRuleException(Consultation is not null && reportedChildren.Count == 0
                ? "Add the child (or children) this contact is about before deciding: a consultation about no named child can only end with no further action or advice"
                : "Add the child (or children) this contact is about before deciding", "Outcome");
        }

        if (details.Outcome == ContactOutcome.AdviceOnly && Consultation is null)
        {
            throw new DomainRuleException("Advice only is the outcome of a consultation: record the consultation first", "Outcome");
        }

        var previous = DecisionInForce;
        if (previous is not null && string.IsNullOrWhiteSpace(details.CorrectionReason))
        {
            throw new DomainRuleException("Say why the earlier decision is being corrected", "CorrectionReason");
        }

        var decision = new ContactDecision(Id, details, decidedById, nowUtc, nowUtc <= DecisionDueAtUtc, previous?.Id,
            needsSignOff ? SignOffState.Pending : SignOffState.NotNeeded);
        decisions.Add(decision);
        if (needsSignOff)
        {
            Status = ContactStatus.AwaitingSignOff;
        }
        else
        {
            previous?.SupersedeWith(decision.Id);
            Status = ContactStatus.Decided;
        }

        return decision;
    }

    /// <summary>
    /// A professional asking advice about no named child: a consultation with no child on the contact (and none
    /// reported) may end with no further action or advice, which open no work for a child. It is counted as a
    /// consultation without a child.
    /// </summary>
    public bool IsConsultationWithoutAChild(ContactOutcome outcome) =>
        Consultation is not null
        && people.All(p => p.Role != ContactPersonRole.Child)
        && reportedChildren.Count == 0
        && outcome is ContactOutcome.NoFurtherAction or ContactOutcome.AdviceOnly or ContactOutcome.AdviceAndSignposting;

    /// <summary>A manager agrees (the decision comes into force) or returns it with a reason.</summary>
    public ContactDecision SignOff(bool agreed, string? comment, Guid managerId, DateTime nowUtc)
    {
        var pending = decisions.SingleOrDefault(d => d.SignOff == SignOffState.Pending)
            ?? throw new DomainRuleException("There is no decision waiting for sign-off", "Agreed");
        if (pending.DecidedById == managerId)
        {
            throw new DomainRuleException("A decision must be signed off by a manager other than the person who made it", "Agreed");
        }

        if (!agreed && string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainRuleException("Say why the decision is not agreed", "Comment");
        }

        pending.RecordSignOff(agreed, comment, managerId, nowUtc);
        if (agreed)
        {
            var superseded = decisions.SingleOrDefault(d => d.Id == pending.SupersedesId);
            superseded?.SupersedeWith(pending.Id);
            Status = ContactStatus.Decided;
        }
        else
        {
            Status = decisions.Any(d => d.SupersededById is null && d.SignOff is SignOffState.NotNeeded or SignOffState.Agreed)
                ? ContactStatus.Decided
                : ContactStatus.AwaitingDecision;
        }

        return pending;
    }

    public bool IsOverdue(DateTime nowUtc) => Status != ContactStatus.Decided && nowUtc > DecisionDueAtUtc;

    private void EnsureUndecided()
    {
        if (Status != ContactStatus.AwaitingDecision)
        {
            throw new DomainRuleException(Status == ContactStatus.Decided
                ? "This contact has been decided and cannot be changed"
                : "This contact is waiting for manager sign-off and cannot be changed", "Contact");
        }
    }

    private void SetConsent(ConsentToShare consent, string? overrideReason)
    {
        if (consent == ConsentToShare.Overridden && string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new DomainRuleException("Say why consent is being overridden", "ConsentOverrideReason");
        }

        Consent = consent;

        // Kept for an override (why the front door shares without consent) and for a refusal (why the
        // referrer shared without the family's agreement): either way the next worker reads the reason.
        ConsentOverrideReason = consent is ConsentToShare.Overridden or ConsentToShare.Refused && !string.IsNullOrWhiteSpace(overrideReason)
            ? overrideReason!.Trim()
            : null;
    }

    private static void CheckText(Referrer referrer, ContactAccount account)
    {
        if (string.IsNullOrWhiteSpace(referrer.Name))
        {
            throw new DomainRuleException("Enter the referrer's name", "ReferrerName");
        }

        if (string.IsNullOrWhiteSpace(account.Concerns))
        {
            throw new DomainRuleException("Enter the concerns in the referrer's words", "Concerns");
        }
    }
}

/// <summary>A person the contact is about: a child it concerns or an adult around them.</summary>
public sealed class ContactPerson : IPartOf<Contact>
{
    private ContactPerson()
    {
    }

    internal ContactPerson(Guid contactId, Guid personId, ContactPersonRole role)
    {
        ContactId = contactId;
        PersonId = personId;
        Role = role;
    }

    public Guid ContactId { get; private init; }

    Guid IPartOf.RootId => ContactId;

    public Guid PersonId { get; private init; }

    public ContactPersonRole Role { get; private init; }
}

/// <summary>A child as an online requester described them, until the front door finds or records them.</summary>
public sealed class ReportedChild : IPartOf<Contact>
{
    private ReportedChild()
    {
        GivenName = string.Empty;
        FamilyName = string.Empty;
    }

    internal ReportedChild(Guid contactId, string givenName, string familyName, DateOnly? dateOfBirth, string? ageOrOtherDetails, string? address, string? school)
    {
        ContactId = contactId;
        GivenName = givenName;
        FamilyName = familyName;
        DateOfBirth = dateOfBirth;
        AgeOrOtherDetails = ageOrOtherDetails;
        Address = address;
        School = school;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid ContactId { get; private init; }

    Guid IPartOf.RootId => ContactId;

    public string GivenName { get; private init; }

    public string FamilyName { get; private init; }

    public DateOnly? DateOfBirth { get; private init; }

    public string? AgeOrOtherDetails { get; private init; }

    public string? Address { get; private init; }

    public string? School { get; private init; }

    public Guid? MatchedPersonId { get; internal set; }
}

/// <summary>The CADS conversation: a professional's call recorded as what was discussed and agreed.</summary>
public sealed record Consultation(string Discussion, string Advice, BestPlaced BestPlaced, string? FollowUp, DateOnly? FollowUpOn, Guid RecordedById, DateTime RecordedAtUtc);

/// <summary>An action agreed in a consultation, with who owns it.</summary>
public sealed record AgreedAction(string Action, string Owner, DateOnly? DueOn) : IPartOf<Contact>
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ContactId { get; init; }

    Guid IPartOf.RootId => ContactId;
}

/// <summary>A request to a partner agency for what it knows, with a time it is due back.</summary>
public sealed class MashCheck : IPartOf<Contact>
{
    private MashCheck()
    {
        Question = string.Empty;
    }

    internal MashCheck(Guid contactId, PartnerAgency agency, string? agencyName, string question, DateTime requestedAtUtc, DateTime dueAtUtc, Guid requestedById)
    {
        ContactId = contactId;
        Agency = agency;
        AgencyName = string.IsNullOrWhiteSpace(agencyName) ? null : agencyName.Trim();
        Question = question;
        RequestedAtUtc = requestedAtUtc;
        DueAtUtc = dueAtUtc;
        RequestedById = requestedById;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid ContactId { get; private init; }

    Guid IPartOf.RootId => ContactId;

    public PartnerAgency Agency { get; private init; }

    public string? AgencyName { get; private init; }

    public string Question { get; private init; }

    public DateTime RequestedAtUtc { get; private init; }

    public DateTime DueAtUtc { get; private init; }

    public Guid RequestedById { get; private init; }

    public string? Response { get; private set; }

    public RagRating? Rag { get; private set; }

    public DateTime? RespondedAtUtc { get; private set; }

    public Guid? ResponseRecordedById { get; private set; }

    public bool IsOutstanding => RespondedAtUtc is null;

    public bool IsOverdue(DateTime nowUtc) => IsOutstanding && nowUtc > DueAtUtc;

    internal void Respond(string response, RagRating rag, DateTime respondedAtUtc, Guid recordedById)
    {
        if (string.IsNullOrWhiteSpace(response))
        {
            throw new DomainRuleException("Enter what the agency told you", "Response");
        }

        Response = response;
        Rag = rag;
        RespondedAtUtc = respondedAtUtc;
        ResponseRecordedById = recordedById;
    }
}

/// <summary>What the decision maker chose, and what each outcome needs.</summary>
public sealed record DecisionDetails(
    ContactOutcome Outcome,
    string Rationale,
    string? ReferralSourceCode = null,
    string? PrimaryNeedCode = null,
    Guid? TeamId = null,
    string? CorrectionReason = null);

/// <summary>
/// One decision on a contact. Never edited: a correction is a new decision pointing at the one it
/// supersedes, so the record shows what was decided, by whom, and why it changed.
/// </summary>
public sealed class ContactDecision : IPartOf<Contact>
{
    private ContactDecision()
    {
        Rationale = string.Empty;
    }

    internal ContactDecision(Guid contactId, DecisionDetails details, Guid decidedById, DateTime decidedAtUtc, bool withinTimescale, Guid? supersedesId, SignOffState signOff)
    {
        if (string.IsNullOrWhiteSpace(details.Rationale))
        {
            throw new DomainRuleException("Enter the rationale for the decision", "Rationale");
        }

        if (details.Outcome.OpensReferral() && (string.IsNullOrWhiteSpace(details.ReferralSourceCode) || string.IsNullOrWhiteSpace(details.PrimaryNeedCode)))
        {
            throw new DomainRuleException("A referral needs its source and the child's primary need", string.IsNullOrWhiteSpace(details.ReferralSourceCode) ? "ReferralSourceCode" : "PrimaryNeedCode");
        }

        if ((details.Outcome.OpensReferral() || details.Outcome == ContactOutcome.EarlyHelp) && details.TeamId is null)
        {
            throw new DomainRuleException("Choose the team the work goes to", "TeamId");
        }

        ContactId = contactId;
        Outcome = details.Outcome;
        Rationale = details.Rationale.Trim();
        ReferralSourceCode = details.Outcome.OpensReferral() ? details.ReferralSourceCode : null;
        PrimaryNeedCode = details.Outcome.OpensReferral() ? details.PrimaryNeedCode : null;
        TeamId = details.Outcome.OpensReferral() || details.Outcome == ContactOutcome.EarlyHelp ? details.TeamId : null;
        CorrectionReason = string.IsNullOrWhiteSpace(details.CorrectionReason) ? null : details.CorrectionReason.Trim();
        DecidedById = decidedById;
        DecidedAtUtc = decidedAtUtc;
        WithinTimescale = withinTimescale;
        SupersedesId = supersedesId;
        SignOff = signOff;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid ContactId { get; private init; }

    Guid IPartOf.RootId => ContactId;

    public ContactOutcome Outcome { get; private init; }

    public string Rationale { get; private init; }

    public string? ReferralSourceCode { get; private init; }

    public string? PrimaryNeedCode { get; private init; }

    /// <summary>The early help locality or assessment team the work is routed to.</summary>
    public Guid? TeamId { get; private init; }

    public string? CorrectionReason { get; private init; }

    public Guid DecidedById { get; private init; }

    public DateTime DecidedAtUtc { get; private init; }

    /// <summary>Made within one working day of the contact's receipt.</summary>
    public bool WithinTimescale { get; private init; }

    public Guid? SupersedesId { get; private init; }

    public Guid? SupersededById { get; private set; }

    public SignOffState SignOff { get; private set; }

    public Guid? SignedOffById { get; private set; }

    public DateTime? SignedOffAtUtc { get; private set; }

    public string? SignOffComment { get; private set; }

    /// <summary>True once the decision is in force: consequences (referral, early help request) follow.</summary>
    public bool InForce => SupersededById is null && SignOff is SignOffState.NotNeeded or SignOffState.Agreed;

    internal void SupersedeWith(Guid decisionId) => SupersededById = decisionId;

    internal void RecordSignOff(bool agreed, string? comment, Guid managerId, DateTime nowUtc)
    {
        SignOff = agreed ? SignOffState.Agreed : SignOffState.NotAgreed;
        SignOffComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        SignedOffById = managerId;
        SignedOffAtUtc = nowUtc;
    }
}
