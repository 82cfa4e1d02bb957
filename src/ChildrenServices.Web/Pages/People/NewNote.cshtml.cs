using ChildrenServices.Application.Recording;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>
/// Record a case note. While it is typed, /js/note-draft.js posts the form to the Draft handler, so the
/// server holds a draft and reopening the page restores it (ADR 0010). Without script the form still works.
/// </summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordPeople))]
public sealed class NewNoteModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    [BindProperty]
    public RecordCaseNote.Command Input { get; set; } = new();

    /// <summary>Set when the form was filled from a saved draft.</summary>
    public DateTime? RestoredFromUtc { get; private set; }

    public async Task OnGetAsync(Guid id)
    {
        await LoadForRecordingAsync(id);
        var draft = await Sender.Send(new GetNoteDraft.Query(id));
        if (draft is null)
        {
            Input = new RecordCaseNote.Command { PersonId = id, OccurredOn = Today };
            return;
        }

        Input = draft.Note with { PersonId = id };
        RestoredFromUtc = draft.SavedAtUtc;
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

    /// <summary>Called by script as the note is typed, and by navigator.sendBeacon as the page is hidden or closed.</summary>
    public async Task<IActionResult> OnPostDraftAsync(Guid id)
    {
        // A half-typed date is no reason to refuse a draft: keep what did bind.
        ModelState.Clear();
        var saved = await Sender.Send(new SaveNoteDraft.Command { PersonId = id, Note = Input with { PersonId = id } });
        return new JsonResult(new { savedAt = Display.Time(saved) });
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id)
    {
        await Sender.Send(new DiscardNoteDraft.Command(id));
        return RedirectWithBanner("/People/NewNote", new { id }, "Draft discarded");
    }

    public override Task LoadDisplayDataAsync() => LoadPersonAsync(Input.PersonId);

    public string RestoredFrom(DateTime savedAtUtc) =>
        DateOnly.FromDateTime(Application.UkTime.ToLocal(savedAtUtc)) == Today ? Display.Time(savedAtUtc) : Display.DateTime(savedAtUtc);
}
