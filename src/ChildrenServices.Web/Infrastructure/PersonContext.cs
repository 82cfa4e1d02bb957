using ChildrenServices.Application;
using ChildrenServices.Application.People;
using Mediator;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// The person a page under /People is about (the <c>id</c> in its address), for this request: their identity
/// bar header, or their full record where the page asks for it. <see cref="PersonPageFilter"/> loads it before
/// a GET's handler and before any page is shown again after a refused POST; the page model and the identity
/// bar partial read it. Loaded at most once a request, so the view is audited once.
/// </summary>
public sealed class PersonContext(ISender sender, TimeProvider clock)
{
    private GetRecordHeader.Header? header;
    private GetPersonRecord.Record? details;
    private DateOnly? today;

    /// <summary>The person in the address; empty on a page about no one person (search, create).</summary>
    public Guid Id { get; private set; }

    /// <summary>True once the person has been loaded (and the view audited).</summary>
    public bool IsLoaded => header is not null;

    /// <summary>Whether the page shows the full record (names, addresses, family) rather than the identity bar alone.</summary>
    public bool WithDetails { get; private set; }

    /// <summary>Today in the UK, for ages and the dates a form starts with.</summary>
    public DateOnly Today => today ??= UkTime.Today(clock);

    /// <summary>The identity bar: who this is, what is open for them, and whether the user may record on them.</summary>
    public GetRecordHeader.Header Header =>
        header ?? throw new InvalidOperationException("The person is loaded by PersonPageFilter before a GET and before a page is shown again; a POST handler that needs them first calls LoadAsync.");

    /// <summary>The full record, on a page marked <c>[PersonPage(WithDetails = true)]</c>.</summary>
    public GetPersonRecord.Record Details =>
        details ?? throw new InvalidOperationException("Only a page marked [PersonPage(WithDetails = true)] loads the person's full record.");

    /// <summary>Whether the page is the record's overview: the full record with the overview, in one audited read.</summary>
    public bool WithOverview { get; private set; }

    /// <summary>Names the person the request is about; nothing is read yet.</summary>
    public void Begin(Guid id, bool withDetails, bool withOverview = false)
    {
        Id = id;
        WithDetails = withDetails;
        WithOverview = withOverview;
    }

    /// <summary>
    /// Loads the person once for this request: the header (one statement), or the full record with its header.
    /// A restricted or missing person is not found, as everywhere else.
    /// </summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (header is not null)
        {
            return;
        }

        if (Id == Guid.Empty)
        {
            throw new InvalidOperationException("This page is about no one person");
        }

        if (WithDetails)
        {
            details = await sender.Send(new GetPersonRecord.Query(Id, WithOverview), ct);
            header = details.Header;
        }
        else
        {
            header = await sender.Send(new GetRecordHeader.Query(Id), ct);
        }
    }
}
