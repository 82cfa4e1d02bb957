using ChildrenServices.Application.People;
using ChildrenServices.Application.Recording;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>One case note as written, its addenda, and (for those who may record) a form to add one.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class NoteModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public AddNoteAddendum.Command Input { get; set; } = new();

    public GetCaseNote.Note Note { get; private set; } = default!;

    public async Task OnGetAsync(Guid id, Guid noteId)
    {
        Input = new AddNoteAddendum.Command { PersonId = id, NoteId = noteId };
        await LoadDisplayDataAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid noteId)
    {
        Input = Input with { PersonId = id, NoteId = noteId };
        return await SendAndReturnAsync(Input, "/People/Note", new { id, noteId }, "Addendum added");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Note = await Sender.Send(new GetCaseNote.Query(Input.PersonId, Input.NoteId));
    }
}
