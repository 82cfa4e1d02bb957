using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;

namespace ChildrenServices.Web.Pages.People;

/// <summary>
/// A page about one person: it shows their identity bar, so it loads (and audits) the record's header,
/// one small query. Pages that show or edit the person's full details load them as well.
/// </summary>
public abstract class PersonPageModel(ISender sender, TimeProvider clock) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person { get; private set; } = default!;

    /// <summary>The full record, for the pages that show or change personal details; null elsewhere.</summary>
    public GetPersonRecord.Record Details { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    protected async Task LoadPersonAsync(Guid id)
    {
        Today = Application.UkTime.Today(clock);
        Person = await Sender.Send(new GetRecordHeader.Query(id));
    }

    /// <summary>The full record (names, addresses, family, allocations) with its header: one audited view.</summary>
    protected async Task LoadDetailsAsync(Guid id)
    {
        Today = Application.UkTime.Today(clock);
        Details = await Sender.Send(new GetPersonRecord.Query(id));
        Person = Details.Header;
    }

    /// <summary>For a form that changes the record: refuse at once, rather than after the user has typed.</summary>
    protected async Task LoadForRecordingAsync(Guid id, bool withDetails = false)
    {
        await (withDetails ? LoadDetailsAsync(id) : LoadPersonAsync(id));
        if (!Person.CanRecord)
        {
            throw new Application.ForbiddenException("You can read this record but not change it");
        }
    }
}
