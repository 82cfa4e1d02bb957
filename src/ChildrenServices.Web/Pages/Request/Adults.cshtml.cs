using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>The adults around the child, in the requester's own words (optional).</summary>
[AllowAnonymous]
public sealed class AdultsModel(ISender sender, ILogger<AdultsModel> logger) : QuestionPageModel<AdultsAnswer>(sender, logger)
{
    public override string BackLink => Changing ? CheckAnswersPath : "/request/children";

    protected override AdultsAnswer? Read(OnlineRequestAnswers answers) => answers.Adults;

    protected override Task<IActionResult> SaveAsync(AdultsAnswer input) => SaveAndGoAsync(Answers with { Adults = input }, "/request/worries");
}
