using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>The practice model's questions: what are you worried about, what is working well, what is life like for the child.</summary>
[AllowAnonymous]
public sealed class WorriesModel(ISender sender, ILogger<WorriesModel> logger) : QuestionPageModel<WorriesAnswer>(sender, logger)
{
    public override string BackLink => Changing ? CheckAnswersPath : "/request/adults";

    protected override WorriesAnswer? Read(OnlineRequestAnswers answers) => answers.Worries;

    protected override Task<IActionResult> SaveAsync(WorriesAnswer input) => SaveAndGoAsync(Answers with { Worries = input }, "/request/consent");
}
