using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>A professional's kind of organisation, or a member of the public's relationship to the child.</summary>
[AllowAnonymous]
public sealed class RelationshipModel(ISender sender) : RequestPageModel(sender)
{
    [BindProperty]
    public RelationshipAnswer Input { get; set; } = new();

    public override string BackLink => Changing ? CheckAnswersPath : "/request/who";

    protected override string? MissingEarlierAnswer => Answers.Requester?.Kind is null ? "/request/who" : null;

    public Task<IActionResult> OnGetAsync() => AskAsync(() => Input = Prepare(Answers.Relationship ?? new()));

    public Task<IActionResult> OnPostAsync() => AnswerAsync(() => Input = Prepare(Input), SaveAsync);

    private RelationshipAnswer Prepare(RelationshipAnswer input)
    {
        input = input with { Kind = Answers.Requester!.Kind };
        if (input.Kind == RequesterKind.Professional)
        {
            ModelState.Remove("Input.Relationship");
            return input with { Relationship = null };
        }

        return input with { AgencyCode = null };
    }

    private async Task<IActionResult> SaveAsync(RelationshipAnswer input)
    {
        var answers = Answers with { Relationship = input };

        // After changing who they are, they may owe us details a professional gives.
        var detailsNeeded = Changing && !(await HttpContext.RequestServices.GetRequiredService<FluentValidation.IValidator<YourDetailsAnswer>>()
            .ValidateAsync(answers.Details ?? new YourDetailsAnswer { Kind = input.Kind })).IsValid;
        return detailsNeeded
            ? await SaveAndRedirectAsync(answers, "/request/your-details?change=answers")
            : await SaveAndGoAsync(answers, "/request/your-details");
    }
}
