using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>The adults around the child, in the requester's own words (optional).</summary>
[AllowAnonymous]
public sealed class AdultsModel(ISender sender, ILogger<AdultsModel> logger) : RequestPageModel(sender, logger)
{
    [BindProperty]
    public AdultsAnswer Input { get; set; } = new();

    public override string BackLink => Changing ? CheckAnswersPath : "/request/children";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadDraftAsync())
        {
            return Restart();
        }

        Input = Answers.Adults ?? new();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var found = await LoadDraftAsync();
        if (HoneypotFilled)
        {
            return await DiscardAsync();
        }

        if (!found)
        {
            return Restart();
        }

        if (!await IsValidAsync(Input))
        {
            return Page();
        }

        return await SaveAndGoAsync(Answers with { Adults = Input }, "/request/worries");
    }
}
