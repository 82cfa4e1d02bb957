using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>About one child: a new one, or (with its id) one already added.</summary>
[AllowAnonymous]
public sealed class ChildModel(ISender sender) : RequestPageModel(sender)
{
    [BindProperty]
    public ChildAnswer Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public override string BackLink => Changing ? CheckAnswersPath : Answers.Children.Count > 0 ? "/request/children" : "/request/your-details";

    public async Task<IActionResult> OnGetAsync(Guid? childId)
    {
        if (!await LoadDraftAsync())
        {
            return Restart();
        }

        if (childId is { } id)
        {
            var child = Answers.Children.SingleOrDefault(c => c.Id == id);
            if (child is null)
            {
                return Redirect("/request/children");
            }

            Input = child;
        }
        else if (Answers.Children.Count >= OnlineRequestAnswers.MaxChildren)
        {
            return Redirect("/request/children");
        }

        IsNew = childId is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? childId)
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

        IsNew = childId is null || Answers.Children.All(c => c.Id != childId);
        Input = Input with { Id = IsNew ? Guid.NewGuid() : childId!.Value };
        if (!await IsValidAsync(Input))
        {
            return Page();
        }

        var children = Answers.Children.ToList();
        if (IsNew)
        {
            if (children.Count >= OnlineRequestAnswers.MaxChildren)
            {
                return Redirect("/request/children");
            }

            children.Add(Input);
        }
        else
        {
            children[children.FindIndex(c => c.Id == Input.Id)] = Input;
        }

        var answers = Answers with { Children = children };
        return Changing ? await SaveAndGoAsync(answers, CheckAnswersPath) : await SaveAndGoAsync(answers, "/request/children");
    }
}
