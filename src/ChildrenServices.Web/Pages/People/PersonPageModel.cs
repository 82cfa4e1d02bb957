using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;

namespace ChildrenServices.Web.Pages.People;

/// <summary>A page about one person: it shows their identity bar, so it loads (and audits) the record.</summary>
public abstract class PersonPageModel(ISender sender, TimeProvider clock) : FormPageModel(sender)
{
    public GetPersonRecord.Record Person { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    protected async Task LoadPersonAsync(Guid id)
    {
        Today = Application.UkTime.Today(clock);
        Person = await Sender.Send(new GetPersonRecord.Query(id));
    }

    /// <summary>For a form that changes the record: refuse at once, rather than after the user has typed.</summary>
    protected async Task LoadForRecordingAsync(Guid id)
    {
        await LoadPersonAsync(id);
        if (!Person.CanRecord)
        {
            throw new Application.ForbiddenException("You can read this record but not change it");
        }
    }
}
