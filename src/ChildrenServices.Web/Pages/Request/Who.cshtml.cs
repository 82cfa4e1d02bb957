using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>Are you a professional or a member of the public?</summary>
[AllowAnonymous]
public sealed class WhoModel(ISender sender, ILogger<WhoModel> logger) : RequestPageModel(sender, logger)
{
    [BindProperty]
    public RequesterAnswer Input { get; set; } = new();

    public override string BackLink => Changing ? CheckAnswersPath : "/request";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadDraftAsync())
        {
            return Restart();
        }

        Input = Answers.Requester ?? new();
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

        var changed = Answers.Requester?.Kind != Input.Kind;
        var answers = Answers with
        {
            Requester = Input,

            // A different kind of requester is asked different follow-up questions.
            Relationship = changed ? null : Answers.Relationship,
            Details = Answers.Details is null ? null : Answers.Details with { Kind = Input.Kind },
        };
        if (changed && Changing)
        {
            await Sender.Send(new SaveOnlineRequestDraft.Command(DraftId, answers));
            return Redirect("/request/relationship?change=answers");
        }

        return await SaveAndGoAsync(answers, "/request/relationship");
    }
}
