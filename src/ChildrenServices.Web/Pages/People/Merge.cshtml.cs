using ChildrenServices.Application.People;
using ChildrenServices.Application.People.Merging;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages.People;

/// <summary>
/// Merge this record with another record of the same person, in two steps: choose the other record and which
/// to keep, then "Check your answers" (what moves, what stays, until when it can be undone) and confirm.
/// Also lists the records already merged into this one, each with its undo.
/// </summary>
[Authorize(Policy = nameof(Application.Security.Permission.MergeRecords))]
public sealed class MergeModel(ISender sender, PersonContext person, MergeSettings settings) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public const string KeepThis = "This";
    public const string KeepOther = "Other";

    /// <summary>The command confirmed on "Check your answers", with the versions of the two records as checked.</summary>
    [BindProperty]
    public MergeRecords.Command Input { get; set; } = new();

    /// <summary>The other record of this person.</summary>
    [BindProperty]
    public Guid? Other { get; set; }

    /// <summary>Which record is kept: <see cref="KeepThis"/> or <see cref="KeepOther"/>.</summary>
    [BindProperty]
    public string? Keep { get; set; }

    public IReadOnlyList<FindLikelyDuplicates.Candidate> Candidates { get; private set; } = [];

    public IReadOnlyList<GetMergesInto.Item> Merges { get; private set; } = [];

    /// <summary>Set on "Check your answers".</summary>
    public PreviewMerge.Result? Preview { get; private set; }

    public int UndoPeriodDays => settings.UndoPeriodDays;

    public async Task OnGetAsync(Guid id)
    {
        Input = new MergeRecords.Command { SurvivorId = id };
        await LoadChoiceAsync(id);
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id)
    {
        if (Other is null)
        {
            ModelState.AddModelError(nameof(Other), "Select the other record of this person");
        }

        if (Keep is not (KeepThis or KeepOther))
        {
            ModelState.AddModelError(nameof(Keep), "Select which record to keep");
        }

        if (Other is { } other && other == id)
        {
            ModelState.AddModelError(nameof(Other), "Select a record other than this one");
        }

        if (ModelState.IsValid)
        {
            var (survivor, merged) = Keep == KeepThis ? (id, Other!.Value) : (Other!.Value, id);
            Preview = await Sender.Send(new PreviewMerge.Query(survivor, merged));
            if (Preview.Refusal is { } refusal)
            {
                ModelState.AddModelError(nameof(Other), refusal);
                Preview = null;
            }
            else
            {
                Input = new MergeRecords.Command
                {
                    SurvivorId = survivor, MergedId = merged, SurvivorVersion = Preview.Survivor.Version, MergedVersion = Preview.Merged.Version,
                };
                return Page();
            }
        }

        await LoadChoiceAsync(id);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Back from "Check your answers" to the choice, as it was.</summary>
    public async Task<IActionResult> OnPostChangeAsync(Guid id)
    {
        Other = Input.SurvivorId == id ? Input.MergedId : Input.SurvivorId;
        Keep = Input.SurvivorId == id ? KeepThis : KeepOther;
        ModelState.Clear();
        await LoadChoiceAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id)
    {
        if (Input.SurvivorId != id && Input.MergedId != id)
        {
            return BadRequest();
        }

        var mergeId = await Sender.Send(Input);
        var merge = await Sender.Send(new GetMerge.Query(mergeId));
        return RedirectWithBanner("/People/Record", new { id = Input.SurvivorId },
            $"Records merged: everything recorded on {merge.Merged.FullName}'s other record is now on this one. "
            + $"The merge can be undone until {Display.DateTime(merge.UndoableUntilUtc)} from 'Merge with another record'.");
    }

    /// <summary>After a refused confirm (a record changed meanwhile), "Check your answers" again with the records as they now are.</summary>
    public override async Task LoadDisplayDataAsync()
    {
        if (Input.SurvivorId != Guid.Empty && Input.MergedId != Guid.Empty)
        {
            Preview = await Sender.Send(new PreviewMerge.Query(Input.SurvivorId, Input.MergedId));
            Input = Input with { SurvivorVersion = Preview.Survivor.Version, MergedVersion = Preview.Merged.Version };
            ModelState.Remove("Input.SurvivorVersion");
            ModelState.Remove("Input.MergedVersion");
        }
    }

    public IEnumerable<SelectListItem> CandidateItems() => Candidates.Select(c => new SelectListItem(
        $"{c.GivenNames} {c.FamilyName}, born {Display.Date(c.DateOfBirth)}{(c.NhsNumber is null ? string.Empty : $", NHS number {Display.Nhs(c.NhsNumber)}")} ({c.Reason})", c.Id.ToString()));

    private async Task LoadChoiceAsync(Guid id)
    {
        // The candidates are found by this person's names, so a POST that shows the choice again needs them first.
        await person.LoadAsync(HttpContext.RequestAborted);
        var p = Person;
        Candidates = [.. (await Sender.Send(new FindLikelyDuplicates.Query(p.GivenNames, p.FamilyName, p.DateOfBirth ?? p.ExpectedDateOfBirth, p.NhsNumber)))
            .Where(c => c.Id != id)];
        Merges = await Sender.Send(new GetMergesInto.Query(id));
    }
}
