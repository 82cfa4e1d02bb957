using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>The adults around the child, in the requester's own words (optional).</summary>
[AllowAnonymous]
public sealed class AdultsModel(ISender sender) : RequestPageModel(sender)
{
    [BindProperty]
    public AdultsAnswer Input { get; set; } = new();

    public override string BackLink => Changing ? CheckAnswersPath : "/request/children";

    public Task<IActionResult> OnGetAsync() => AskAsync(() => Input = Answers.Adults ?? new());

    public Task<IActionResult> OnPostAsync() => AnswerAsync(() => Input, SaveAsync);

    private Task<IActionResult> SaveAsync(AdultsAnswer input) => SaveAndGoAsync(Answers with { Adults = input }, "/request/worries");
}
