using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>
/// The independent reviewing officer records a review they chaired. They never hold the case, so the page
/// asks only that they can see the child, not that they may record on it.
/// </summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordReviewOutcomes))]
public sealed class ReviewModel(ISender sender, TimeProvider clock) : LookedAfterPageModel(sender, clock)
{
    [BindProperty]
    public RecordClaReview.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadCareAsync(id);
        if (Care.Latest is not { } period)
        {
            return RedirectToPage("/People/LookedAfter/Index", new { id });
        }

        Input = new RecordClaReview.Command { PersonId = id, PeriodOfCareId = period.Id, Version = period.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        return RedirectWithBanner("/People/LookedAfter/Index", new { id }, "Recorded: the review");
    }

    public override Task LoadDisplayDataAsync() => LoadCareAsync(Input.PersonId);
}
