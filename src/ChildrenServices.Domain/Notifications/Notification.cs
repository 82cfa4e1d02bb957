namespace ChildrenServices.Domain.Notifications;

/// <summary>
/// Something a named user must not miss ("Strategy discussion needed now"), shown on their home page
/// until they open it. Holds a reference and a link, never a child's name.
/// Standalone (<see cref="Common.IStandaloneRecord"/>): created whole, and only its recipient marks it opened.
/// </summary>
public sealed class Notification : Common.IStandaloneRecord
{
    private Notification()
    {
        Text = string.Empty;
        Link = string.Empty;
    }

    public Notification(Guid recipientId, string text, string link, bool urgent, DateTime createdAtUtc)
    {
        RecipientId = recipientId;
        Text = text;
        Link = link;
        Urgent = urgent;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid RecipientId { get; private init; }

    public string Text { get; private init; }

    public string Link { get; private init; }

    public bool Urgent { get; private init; }

    public DateTime CreatedAtUtc { get; private init; }

    public DateTime? ReadAtUtc { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
