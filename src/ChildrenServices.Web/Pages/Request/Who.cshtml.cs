using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>Are you a professional or a member of the public?</summary>
[AllowAnonymous]
public sealed class WhoModel(ISender sender) : RequestPageModel(sender)
{
    [BindProperty]
    public RequesterAnswer Input { get; set; } = new();

    public override string BackLink => Changing ? CheckAnswersPath : "/request";

    public Task<IActionResult> OnGetAsync() => AskAsync(() => Input = Answers.Requester ?? new());

    public Task<IActionResult> OnPostAsync() => AnswerAsync(() => Input, SaveAsync);

    private async Task<IActionResult> SaveAsync(RequesterAnswer input)
    {
        var changed = Answers.Requester?.Kind != input.Kind;
        var answers = Answers with
        {
            Requester = input,

            // A different kind of requester is asked different follow-up questions.
            Relationship = changed ? null : Answers.Relationship,
            Details = Answers.Details is null ? null : Answers.Details with { Kind = input.Kind },
        };
        return changed && Changing
            ? await SaveAndRedirectAsync(answers, "/request/relationship?change=answers")
            : await SaveAndGoAsync(answers, "/request/relationship");
    }
}
