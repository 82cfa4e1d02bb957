using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>The practice model's questions: what are you worried about, what is working well, what is life like for the child.</summary>
[AllowAnonymous]
public sealed class WorriesModel(ISender sender, ILogger<WorriesModel> logger) : RequestPageModel(sender, logger)
{
    [BindProperty]
    public WorriesAnswer Input { get; set; } = new();

    public override string BackLink => Changing ? CheckAnswersPath : "/request/adults";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadDraftAsync())
        {
            return Restart();
        }

        Input = Answers.Worries ?? new();
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

        return await SaveAndGoAsync(Answers with { Worries = Input }, "/request/consent");
    }
}
