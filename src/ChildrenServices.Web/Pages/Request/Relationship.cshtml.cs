using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>A professional's kind of organisation, or a member of the public's relationship to the child.</summary>
[AllowAnonymous]
public sealed class RelationshipModel(ISender sender, ILogger<RelationshipModel> logger) : RequestPageModel(sender, logger)
{
    [BindProperty]
    public RelationshipAnswer Input { get; set; } = new();

    public override string BackLink => Changing ? CheckAnswersPath : "/request/who";

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

        Input = (Answers.Relationship ?? new()) with { Kind = Answers.Requester.Kind };
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
        if (Input.Kind == RequesterKind.Professional)
        {
            Input = Input with { Relationship = null };
            ModelState.Remove("Input.Relationship");
        }
        else
        {
            Input = Input with { AgencyCode = null };
        }

        if (!await IsValidAsync(Input))
        {
            return Page();
        }

        var answers = Answers with { Relationship = Input };

        // After changing who they are, they may owe us details a professional gives.
        var detailsNeeded = Changing && !(await HttpContext.RequestServices.GetRequiredService<FluentValidation.IValidator<YourDetailsAnswer>>()
            .ValidateAsync(answers.Details ?? new YourDetailsAnswer { Kind = Input.Kind })).IsValid;
        if (detailsNeeded)
        {
            await Sender.Send(new SaveOnlineRequestDraft.Command(DraftId, answers));
            return Redirect("/request/your-details?change=answers");
        }

        return await SaveAndGoAsync(answers, "/request/your-details");
    }
}
