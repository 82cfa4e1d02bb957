namespace ChildrenServices.Domain.Access;

/// <summary>
/// "Break glass" under the need-to-know reading policy (issue 15): a colleague who does not work with a child gave a
/// reason to read their record. It lets them read it for a few hours; their managers were alerted; it is kept.
/// Standalone (<see cref="Common.IStandaloneRecord"/>): written once, by the colleague, never changed.
/// </summary>
public sealed class ReadingReason : Common.IStandaloneRecord
{
    public const int ReasonLength = 500;

    private ReadingReason()
    {
        Reason = string.Empty;
    }

    public ReadingReason(Guid userId, Guid personId, string reason, DateTime givenAtUtc, DateTime expiresAtUtc)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new Common.DomainRuleException("Say why you need to read this record", nameof(Reason));
        }

        UserId = userId;
        PersonId = personId;
        Reason = reason.Trim();
        GivenAtUtc = givenAtUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid UserId { get; private init; }

    public Guid PersonId { get; private init; }

    public string Reason { get; private init; }

    public DateTime GivenAtUtc { get; private init; }

    public DateTime ExpiresAtUtc { get; private init; }
}
