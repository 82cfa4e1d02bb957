using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>The children added so far, each with Change and Remove, and "Do you need to add another child?"</summary>
[AllowAnonymous]
public sealed class ChildrenModel(ISender sender) : RequestPageModel(sender)
{
    [BindProperty]
    public Choice Input { get; set; } = new();

    public IReadOnlyList<ChildAnswer> Children => Answers.Children;

    public bool Full => Answers.Children.Count >= OnlineRequestAnswers.MaxChildren;

    public override string BackLink => Changing ? CheckAnswersPath : "/request/your-details";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadDraftAsync())
        {
            return Restart();
        }

        return Answers.Children.Count == 0 ? Redirect(Link("/request/child")) : Page();
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

        if (Answers.Children.Count == 0)
        {
            return Redirect(Link("/request/child"));
        }

        if (Full)
        {
            Input = new Choice { AddAnother = false };
        }

        if (Input.AddAnother is null)
        {
            ModelState.AddModelError("Input.AddAnother", "Select yes if you need to tell us about another child");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Input.AddAnother == true)
        {
            return Redirect(Link("/request/child"));
        }

        return await SaveAndGoAsync(Answers with { ChildrenComplete = true }, "/request/adults");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid childId)
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

        var answers = Answers with { Children = [.. Answers.Children.Where(c => c.Id != childId)] };
        if (!await Sender.Send(new SaveOnlineRequestDraft.Command(DraftId, answers)))
        {
            return Restart();
        }

        return Redirect(Link(answers.Children.Count == 0 ? "/request/child" : "/request/children"));
    }

    public sealed class Choice
    {
        public bool? AddAnother { get; set; }
    }
}
