using ChildrenServices.Application.People;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Change a name (the old one is kept as a previous name) or add an alias.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordPeople))]
public sealed class NameModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    [BindProperty]
    public ChangeName.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id)
    {
        await LoadForRecordingAsync(id);
        Input = new ChangeName.Command { PersonId = id, Version = Person.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        return RedirectWithBanner("/People/Record", new { id }, Input.IsAlias ? "Alias added" : "Name changed; the previous name is kept and still found by search");
    }

    public override Task LoadDisplayDataAsync() => LoadPersonAsync(Input.PersonId);
}
