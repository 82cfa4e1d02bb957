namespace ChildrenServices.Infrastructure.Security;

/// <summary>
/// A form post's one-time submission id and where its first result sent the user. A repeat of the
/// same submission (a double-click, a resend after a timeout) is sent there too instead of creating
/// the record again. The id is the key, so two concurrent repeats cannot both go ahead.
/// Standalone (<see cref="ChildrenServices.Domain.Common.IStandaloneRecord"/>): infrastructure, written once per submission id.
/// </summary>
public sealed class FormSubmission : ChildrenServices.Domain.Common.IStandaloneRecord
{
    private FormSubmission()
    {
    }

    public FormSubmission(Guid id, Guid? userId, string path, DateTime receivedAtUtc)
    {
        Id = id;
        UserId = userId;
        Path = path;
        ReceivedAtUtc = receivedAtUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>Who sent it (none for the public online request): nobody else's repeat is answered from it.</summary>
    public Guid? UserId { get; private set; }

    public string Path { get; private set; } = string.Empty;

    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>Where the first result redirected; null while it is still being handled.</summary>
    public string? ResultLocation { get; private set; }
}
