using ChildrenServices.Application.People.Merging;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.Merges;

/// <summary>Undo a merge: "Check your answers" (what will happen), then the confirmation banner on the restored record.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.MergeRecords))]
public sealed class UndoModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public UndoMerge.Command Input { get; set; } = new();

    public GetMerge.Result Merge { get; private set; } = default!;

    public async Task OnGetAsync(Guid mergeId)
    {
        Input = new UndoMerge.Command { MergeId = mergeId };
        await LoadDisplayDataAsync();
        Input = Input with { Version = Merge.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid mergeId)
    {
        Input = Input with { MergeId = mergeId };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        await LoadDisplayDataAsync();
        return RedirectWithBanner("/People/Record", new { id = Merge.Merged.Id },
            $"Merge undone: {Merge.Merged.FullName}'s record is a record of its own again, with everything that was recorded on it.");
    }

    public override async Task LoadDisplayDataAsync() => Merge = await Sender.Send(new GetMerge.Query(Input.MergeId));
}
