using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>The practice model's questions: what are you worried about, what is working well, what is life like for the child.</summary>
[AllowAnonymous]
public sealed class WorriesModel(ISender sender) : RequestPageModel(sender)
{
    [BindProperty]
    public WorriesAnswer Input { get; set; } = new();

    public override string BackLink => Changing ? CheckAnswersPath : "/request/adults";

    public Task<IActionResult> OnGetAsync() => AskAsync(() => Input = Answers.Worries ?? new());

    public Task<IActionResult> OnPostAsync() => AnswerAsync(() => Input, SaveAsync);

    private Task<IActionResult> SaveAsync(WorriesAnswer input) => SaveAndGoAsync(Answers with { Worries = input }, "/request/consent");
}
