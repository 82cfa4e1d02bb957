using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>Whether the family knows and has agreed to the information being shared, and why not if not.</summary>
[AllowAnonymous]
public sealed class ConsentModel(ISender sender, ILogger<ConsentModel> logger) : QuestionPageModel<ConsentAnswer>(sender, logger)
{
    public override string BackLink => Changing ? CheckAnswersPath : "/request/worries";

    protected override ConsentAnswer? Read(OnlineRequestAnswers answers) => answers.Consent;

    protected override ConsentAnswer Prepare(ConsentAnswer input) =>
        input.FamilyAgreed != FamilyAgreement.No ? input with { NoConsentReason = null } : input;

    protected override Task<IActionResult> SaveAsync(ConsentAnswer input) => SaveAndGoAsync(Answers with { Consent = input }, CheckAnswersPath);
}
