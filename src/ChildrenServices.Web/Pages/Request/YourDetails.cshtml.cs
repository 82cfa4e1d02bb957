using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>Who you are and how we can contact you: a phone number, an email address or both.</summary>
[AllowAnonymous]
public sealed class YourDetailsModel(ISender sender) : RequestPageModel(sender)
{
    [BindProperty]
    public YourDetailsAnswer Input { get; set; } = new();

    public override string BackLink => Changing ? CheckAnswersPath : "/request/relationship";

    protected override string? MissingEarlierAnswer => Answers.Requester?.Kind is null ? "/request/who" : null;

    public Task<IActionResult> OnGetAsync() => AskAsync(() => Input = Prepare(Answers.Details ?? new()));

    public Task<IActionResult> OnPostAsync() => AnswerAsync(() => Input = Prepare(Input), SaveAsync);

    private YourDetailsAnswer Prepare(YourDetailsAnswer input)
    {
        input = input with { Kind = Answers.Requester!.Kind };
        return input.Kind != RequesterKind.Professional ? input with { Organisation = null, Role = null } : input;
    }

    private Task<IActionResult> SaveAsync(YourDetailsAnswer input) =>
        SaveAndGoAsync(Answers with { Details = input }, Answers.Children.Count == 0 ? "/request/child" : "/request/children");
}
