using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>Whether the family knows and has agreed to the information being shared, and why not if not.</summary>
[AllowAnonymous]
public sealed class ConsentModel(ISender sender) : RequestPageModel(sender)
{
    [BindProperty]
    public ConsentAnswer Input { get; set; } = new();

    public override string BackLink => Changing ? CheckAnswersPath : "/request/worries";

    public Task<IActionResult> OnGetAsync() => AskAsync(() => Input = Prepare(Answers.Consent ?? new()));

    public Task<IActionResult> OnPostAsync() => AnswerAsync(() => Input = Prepare(Input), SaveAsync);

    private ConsentAnswer Prepare(ConsentAnswer input) =>
        input.FamilyAgreed != FamilyAgreement.No ? input with { NoConsentReason = null } : input;

    private Task<IActionResult> SaveAsync(ConsentAnswer input) => SaveAndGoAsync(Answers with { Consent = input }, CheckAnswersPath);
}
