using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>
/// A form that records one thing about the child's care: refuses at once a user who may not record it,
/// shows the form for the period it belongs to, sends the command and returns to the overview.
/// </summary>
public abstract class CareFormModel<TCommand>(ISender sender, TimeProvider clock) : LookedAfterPageModel(sender, clock)
    where TCommand : class, IBaseCommand
{
    [BindProperty]
    public TCommand Input { get; set; } = default!;

    protected Guid PersonId => Guid.Parse(RouteData.Values["id"]!.ToString()!);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadCareAsync(PersonId);
        if (!MayRecord)
        {
            throw new Application.ForbiddenException("You can read this record but not change it");
        }

        if (NewInput() is not { } input)
        {
            return RedirectToPage("/People/LookedAfter/Index", new { id = PersonId });
        }

        Input = input;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input = ForThisPage(Input);
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        return RedirectWithBanner("/People/LookedAfter/Index", new { id = PersonId }, Done);
    }

    public override Task LoadDisplayDataAsync() => LoadCareAsync(PersonId);

    /// <summary>Whether the user may send this form's command: by default, the worker's events.</summary>
    protected virtual bool MayRecord => Care.CanRecord;

    /// <summary>The banner after a successful save.</summary>
    protected abstract string Done { get; }

    /// <summary>The form as first shown, with the period and version it records on; null when there is nothing to record on.</summary>
    protected abstract TCommand? NewInput();

    /// <summary>The posted command, tied to the child (and anything else) in the address, never to ids in the form.</summary>
    protected abstract TCommand ForThisPage(TCommand input);
}
