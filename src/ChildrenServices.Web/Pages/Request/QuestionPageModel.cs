using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>
/// One question page of the online request: show the saved answer, and on post check the honeypot,
/// the draft, any earlier answer the page depends on, and the answer itself, then save and move on.
/// Each page says only what differs: where its answer lives and where to go next.
/// </summary>
public abstract class QuestionPageModel<TAnswer>(ISender sender, ILogger logger) : RequestPageModel(sender, logger)
    where TAnswer : class, new()
{
    [BindProperty]
    public TAnswer Input { get; set; } = new();

    /// <summary>Where to go first when an earlier answer this page depends on is missing; null when there is none.</summary>
    protected virtual string? MissingEarlierAnswer => null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadDraftAsync())
        {
            return Restart();
        }

        if (MissingEarlierAnswer is { } first)
        {
            return Redirect(first);
        }

        Input = Prepare(Read(Answers) ?? new());
        return Page();
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

        if (MissingEarlierAnswer is { } first)
        {
            return Redirect(first);
        }

        Input = Prepare(Input);
        if (!await IsValidAsync(Input))
        {
            return Page();
        }

        return await SaveAsync(Input);
    }

    /// <summary>The answer as saved in the draft, if any.</summary>
    protected abstract TAnswer? Read(OnlineRequestAnswers answers);

    /// <summary>Fill in what follows from earlier answers and drop what no longer applies.</summary>
    protected virtual TAnswer Prepare(TAnswer input) => input;

    /// <summary>Save the valid answer and go on.</summary>
    protected abstract Task<IActionResult> SaveAsync(TAnswer input);

    /// <summary>Save the answers and go to <paramref name="path"/> (keeping "change" mode) without the usual next step.</summary>
    protected async Task<IActionResult> SaveAndRedirectAsync(OnlineRequestAnswers answers, string path)
    {
        await Sender.Send(new SaveOnlineRequestDraft.Command(DraftId, answers));
        return Redirect(path);
    }
}
