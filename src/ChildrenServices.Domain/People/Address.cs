using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.People;

/// <summary>One entry in a person's address history (SSD ssd_address: start and end dates, postcode).</summary>
public sealed class Address : IPartOf<Person>
{
    private Address()
    {
        Line1 = string.Empty;
        Postcode = string.Empty;
    }

    internal Address(Guid personId, string line1, string? line2, string? town, string postcode, DateOnly from)
    {
        PersonId = personId;
        Line1 = line1.Trim();
        Line2 = string.IsNullOrWhiteSpace(line2) ? null : line2.Trim();
        Town = string.IsNullOrWhiteSpace(town) ? null : town.Trim();
        Postcode = NormalisePostcode(postcode);
        From = from;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private init; }

    Guid IPartOf.RootId => PersonId;

    public string Line1 { get; private set; }

    public string? Line2 { get; private set; }

    public string? Town { get; private set; }

    public string Postcode { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public bool IsCurrent => To is null;

    public string SingleLine => string.Join(", ", new[] { Line1, Line2, Town, Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));

    internal void End(DateOnly to) => To = to;

    public static string NormalisePostcode(string postcode)
    {
        var compact = new string(postcode.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return compact.Length > 3 ? $"{compact[..^3]} {compact[^3..]}" : compact;
    }
}
