using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>
/// A form about one open record of the child's (a plan, an enquiry): shown only while there is one, tied to
/// the child in the address, and back to the record's overview with a banner once saved.
/// </summary>
/// <typeparam name="TCommand">The command the form sends.</typeparam>
/// <typeparam name="TRecord">What the page shows about the record the form is about.</typeparam>
public abstract class RecordFormModel<TCommand, TRecord>(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
    where TCommand : class, ICommand
    where TRecord : class
{
    [BindProperty]
    public TCommand Input { get; set; } = default!;

    public TRecord Record { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (RecordedByTheCaseHolder)
        {
            await LoadForRecordingAsync(id);
        }
        else
        {
            await LoadPersonAsync(id);
        }

        var open = await FindAsync(id, openOnly: true);
        if (open is null)
        {
            return RedirectToPage(OverviewPage, new { id });
        }

        Record = open;
        Input = NewInput(id, open);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = WithPerson(Input, id);
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        return RedirectWithBanner(OverviewPage, new { id }, Done);
    }

    public override async Task LoadDisplayDataAsync()
    {
        var id = Guid.Parse(RouteData.Values["id"]!.ToString()!);
        await LoadPersonAsync(id);
        Record = (await FindAsync(id, openOnly: false))!;
    }

    /// <summary>
    /// True when only those who can record on the child (the allocated worker, their manager) use the form,
    /// so anyone else is refused before typing; false for a reviewing officer's form, who never holds the case.
    /// </summary>
    protected virtual bool RecordedByTheCaseHolder => true;

    /// <summary>The page the form returns to.</summary>
    protected abstract string OverviewPage { get; }

    /// <summary>The banner after a successful save.</summary>
    protected abstract string Done { get; }

    /// <summary>The open record, or (after a refused save that closed it meanwhile) the latest one.</summary>
    protected abstract Task<TRecord?> FindAsync(Guid personId, bool openOnly);

    protected abstract TCommand NewInput(Guid personId, TRecord record);

    /// <summary>The posted command, tied to the child in the address (never to one in the form).</summary>
    protected abstract TCommand WithPerson(TCommand input, Guid personId);
}
