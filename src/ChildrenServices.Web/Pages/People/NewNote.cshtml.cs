using ChildrenServices.Application.People;
using ChildrenServices.Application.Recording;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>
/// Record a case note. While it is typed, /js/form-draft.js posts the form to the Draft handler, so the
/// server holds a draft and reopening the page restores it (ADR 0010). Without script the form still works.
/// </summary>
[KeepsDraft(Domain.Drafts.DraftScope.Person)]
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordPeople))]
public sealed class NewNoteModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public DateOnly Today => person.Today;

    [BindProperty]
    public RecordCaseNote.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id)
    {
        Input = new RecordCaseNote.Command { PersonId = id, OccurredOn = Today };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        var noteId = await Sender.Send(Input);
        return RedirectWithBanner("/People/Note", new { id, noteId }, "Case note saved");
    }
}
