namespace ChildrenServices.Domain.Returns.Feed;

/// <summary>
/// What a destination of the DfE's daily children's social care feed last accepted for one child: a hash of the child's data
/// as sent, the episodes of need it held (so one withdrawn since is purged), and whether the child has been purged. A child
/// is sent again only when the hash of its data changes, so no change is sent twice once accepted (ADR 0038).
/// </summary>
/// <remarks>
/// The destination is the endpoint's address, or the folder the files are written to when no endpoint is set. A standalone
/// record: it has a single writer, the feed's run, and one run at a time.
/// </remarks>
public sealed class FeedChildState : Common.IStandaloneRecord
{
    public const int DestinationLimit = 300, HashLength = 64;

    private FeedChildState()
    {
        Destination = string.Empty;
        LaChildId = string.Empty;
        Hash = string.Empty;
        Episodes = string.Empty;
    }

    public FeedChildState(string destination, Guid childId)
        : this()
    {
        Destination = destination;
        ChildId = childId;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public string Destination { get; private init; }

    public Guid ChildId { get; private init; }

    /// <summary>The la_child_id the destination holds the child under: a purge must name it, even after the record is merged away.</summary>
    public string LaChildId { get; private set; }

    /// <summary>SHA-256 of the child's JSON as last accepted, in hex; empty once purged.</summary>
    public string Hash { get; private set; }

    /// <summary>
    /// What the destination holds of the child, comma-separated: each social_care_episode_id, and each item within one as
    /// "episode/kind/id" (kind a assessment, c child in need plan, s section 47, p protection plan, l placement), so an item
    /// gone since can be purged.
    /// </summary>
    public string Episodes { get; private set; }

    public DateTime AcceptedAtUtc { get; private set; }

    public bool Purged { get; private set; }

    /// <summary>
    /// Whether the destination holds the child's name: a record restricted since it was sent with one has its personal
    /// details purged (the API's child_details purge), then sent again without the name.
    /// </summary>
    public bool NameHeld { get; private set; }

    /// <summary>The episode and item keys last accepted.</summary>
    public IReadOnlyList<string> EpisodeIds => Episodes.Length == 0 ? [] : Episodes.Split(',');

    public void Accept(string laChildId, string hash, IEnumerable<string> episodes, bool nameHeld, DateTime atUtc)
    {
        LaChildId = laChildId;
        Hash = hash;
        Episodes = string.Join(',', episodes);
        NameHeld = nameHeld;
        AcceptedAtUtc = atUtc;
        Purged = false;
    }

    public void AcceptPurge(DateTime atUtc)
    {
        Hash = string.Empty;
        Episodes = string.Empty;
        NameHeld = false;
        AcceptedAtUtc = atUtc;
        Purged = true;
    }

    /// <summary>
    /// The destination removed the child's personal details (and so the name) but keeps the social care data: the hash is
    /// cleared, so the child's details go again, without the name, on the next run.
    /// </summary>
    public void AcceptDetailsPurge(DateTime atUtc)
    {
        Hash = string.Empty;
        NameHeld = false;
        AcceptedAtUtc = atUtc;
    }
}

/// <summary>
/// Who is sending the daily feed to a destination now, and until when: one run at a time across every server of a council
/// (two at once would send the same change twice and race over what was accepted). A run takes the lease when no one holds
/// it or the holder's has run out (a server that stopped part way), renews it before each request, and gives it back at the
/// end. Standalone: infrastructure, changed by single conditional statements.
/// </summary>
public sealed class FeedRunLease : Common.IStandaloneRecord
{
    private FeedRunLease()
    {
        Destination = string.Empty;
    }

    public FeedRunLease(string destination, Guid holderRunId, DateTime expiresAtUtc)
    {
        Destination = destination;
        HolderRunId = holderRunId;
        ExpiresAtUtc = expiresAtUtc;
    }

    public string Destination { get; private init; }

    /// <summary>The run holding it; none once given back.</summary>
    public Guid? HolderRunId { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }
}

/// <summary>How a send of the daily feed ended.</summary>
public enum FeedSendOutcome
{
    /// <summary>The DfE's API took it (200 with a receipt, or 204).</summary>
    Accepted,

    /// <summary>No endpoint is set: the request body was written to a file instead.</summary>
    Written,

    /// <summary>The API refused it (400, 401, 403, or 413 for a single child): not retried.</summary>
    Refused,

    /// <summary>Still failing after every retry (429, a 5xx, or no answer).</summary>
    Failed,
}

/// <summary>
/// One request of the daily feed, as the send log keeps it: never a child's name or data, only counts and the answer. A
/// standalone record: written once by the run that sent it, finished when the answer comes.
/// </summary>
public sealed class FeedSend : Common.IStandaloneRecord
{
    public const int DetailLimit = 500;

    private FeedSend()
    {
        Destination = string.Empty;
    }

    public FeedSend(Guid runId, string destination, DateTime startedAtUtc, int children, int purges)
    {
        RunId = runId;
        Destination = destination;
        StartedAtUtc = startedAtUtc;
        Children = children;
        Purges = purges;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>The run the send was part of: a day's feed, or one an officer started.</summary>
    public Guid RunId { get; private init; }

    public string Destination { get; private init; }

    public DateTime StartedAtUtc { get; private init; }

    public DateTime? FinishedAtUtc { get; private set; }

    /// <summary>Children sent with their data.</summary>
    public int Children { get; private init; }

    /// <summary>Children sent to be purged.</summary>
    public int Purges { get; private init; }

    public int Attempts { get; private set; }

    /// <summary>The last HTTP status answered; null when no answer came (or for a file).</summary>
    public int? Status { get; private set; }

    /// <summary>The DfE's receipt (a UUID) for an accepted send; the file's name for a written one.</summary>
    public string? Receipt { get; private set; }

    public FeedSendOutcome? Outcome { get; private set; }

    /// <summary>Why a send failed or was refused, without any child's data.</summary>
    public string? Detail { get; private set; }

    public void Attempted() => Attempts++;

    public void Finish(FeedSendOutcome outcome, int? status, string? receipt, string? detail, DateTime atUtc)
    {
        Outcome = outcome;
        Status = status;
        Receipt = receipt;
        Detail = detail is { Length: > DetailLimit } ? detail[..DetailLimit] : detail;
        FinishedAtUtc = atUtc;
    }
}
