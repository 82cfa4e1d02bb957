using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>Who you are and how we can contact you: a phone number, an email address or both.</summary>
[AllowAnonymous]
public sealed class YourDetailsModel(ISender sender, ILogger<YourDetailsModel> logger) : RequestPageModel(sender, logger)
{
    [BindProperty]
    public YourDetailsAnswer Input { get; set; } = new();

    public override string BackLink => Changing ? CheckAnswersPath : "/request/relationship";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadDraftAsync())
        {
            return Restart();
        }

        if (Answers.Requester?.Kind is null)
        {
            return Redirect("/request/who");
        }

        Input = (Answers.Details ?? new()) with { Kind = Answers.Requester.Kind };
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

        if (Answers.Requester?.Kind is null)
        {
            return Redirect("/request/who");
        }

        Input = Input with { Kind = Answers.Requester.Kind };
        if (Input.Kind != RequesterKind.Professional)
        {
            Input = Input with { Organisation = null, Role = null };
        }

        if (!await IsValidAsync(Input))
        {
            return Page();
        }

        var next = Answers.Children.Count == 0 ? "/request/child" : "/request/children";
        return await SaveAndGoAsync(Answers with { Details = Input }, next);
    }
}
