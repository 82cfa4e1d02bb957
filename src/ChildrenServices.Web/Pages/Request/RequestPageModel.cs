using ChildrenServices.Web.Infrastructure;
using ChildrenServices.Application.FrontDoor;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>
/// A page of the public online request. The browser carries only the draft's random id, in an
/// HttpOnly, SameSite=Strict cookie scoped to /request; the answers live in the server-side draft.
/// A missing or expired draft sends the person back to the start with a message. Every form carries
/// a honeypot field: a submission that fills it is silently thrown away.
/// </summary>
public abstract class RequestPageModel(ISender sender) : PageModel
{
    public const string BaseCookieName = "childrenservices.request";

    /// <summary>
    /// The draft's cookie: <c>__Secure-</c> and Secure where the service is HTTPS-only (its path is /request, so it cannot
    /// be <c>__Host-</c>, which needs the whole site's path).
    /// </summary>
    private string CookieName => HttpsOnly ? "__Secure-" + BaseCookieName : BaseCookieName;

    private bool HttpsOnly => HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<TransportSettings>>().Value.RequireHttps;
    public const string ReferenceKey = "OnlineRequestReference";
    public const string CheckAnswersPath = "/request/check-answers";

    protected ISender Sender { get; } = sender;

    protected OnlineRequestAnswers Answers { get; set; } = new();

    protected Guid DraftId { get; private set; }

    /// <summary>The honeypot: visually hidden and hidden from screen readers, so only a bot fills it.</summary>
    [BindProperty(Name = "Website")]
    public string? Website { get; set; }

    /// <summary>"answers" when the person came from Check your answers, so saving returns them there.</summary>
    [BindProperty(SupportsGet = true, Name = "change")]
    public string? Change { get; set; }

    public bool Changing => Change == "answers";

    /// <summary>Where the back link goes.</summary>
    public virtual string BackLink => "/request";

    /// <summary>Where to go first when an earlier answer this page depends on is missing; null when there is none.</summary>
    protected virtual string? MissingEarlierAnswer => null;

    /// <summary>
    /// A question page's GET: back to the start without a draft, to an earlier question the page depends on, or
    /// the form with the saved answer (<paramref name="show"/> puts it in the form).
    /// </summary>
    protected async Task<IActionResult> AskAsync(Action show)
    {
        if (!await LoadDraftAsync())
        {
            return Restart();
        }

        if (MissingEarlierAnswer is { } first)
        {
            return Redirect(first);
        }

        show();
        return Page();
    }

    /// <summary>
    /// A question page's POST: the honeypot, the draft, any earlier answer the page depends on, then the answer's
    /// own rules (<paramref name="prepare"/> fills in what follows from earlier answers and returns what is in the
    /// form); only a valid answer is saved.
    /// </summary>
    protected async Task<IActionResult> AnswerAsync<TAnswer>(Func<TAnswer> prepare, Func<TAnswer, Task<IActionResult>> save)
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

        var input = prepare();
        if (!await IsValidAsync(input))
        {
            return Page();
        }

        return await save(input);
    }

    /// <summary>Reads the draft named by the cookie; false when there is none or it has expired.</summary>
    protected async Task<bool> LoadDraftAsync()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var value) || !Guid.TryParse(value, out var id))
        {
            return false;
        }

        var answers = await Sender.Send(new GetOnlineRequestDraft.Query(id));
        if (answers is null)
        {
            return false;
        }

        DraftId = id;
        Answers = answers;
        return true;
    }

    protected void RememberDraft(Guid id)
    {
        Response.Cookies.Append(CookieName, id.ToString(), new CookieOptions
        {
            HttpOnly = true,
            Secure = HttpsOnly || Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/request",
            IsEssential = true,
            MaxAge = StartOnlineRequest.DraftLifetime,
        });
    }

    protected void ForgetDraft() => Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/request", Secure = HttpsOnly || Request.IsHttps, SameSite = SameSiteMode.Strict, HttpOnly = true });

    /// <summary>Back to the start, saying why.</summary>
    protected IActionResult Restart()
    {
        ForgetDraft();
        return Redirect("/request?expired=true");
    }

    /// <summary>Runs the section's rules; field errors go beside each field as "Input.Field" and the status becomes 400.</summary>
    protected async Task<bool> IsValidAsync<T>(T input)
    {
        foreach (var validator in HttpContext.RequestServices.GetServices<IValidator<T>>())
        {
            var result = await validator.ValidateAsync(input);
            foreach (var error in result.Errors)
            {
                var key = $"Input.{error.PropertyName}";
                if (!ModelState.ContainsKey(key) || ModelState[key]!.Errors.Count == 0)
                {
                    ModelState.AddModelError(key, error.ErrorMessage);
                }
            }
        }

        if (ModelState.IsValid)
        {
            return true;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return false;
    }

    /// <summary>Saves the answers and goes on (or back to Check your answers when changing one).</summary>
    protected async Task<IActionResult> SaveAndGoAsync(OnlineRequestAnswers answers, string next)
    {
        if (!await Sender.Send(new SaveOnlineRequestDraft.Command(DraftId, answers)))
        {
            return Restart();
        }

        return Redirect(Changing ? CheckAnswersPath : next);
    }

    /// <summary>
    /// A bot filled the honeypot: throw the draft away and answer as if all went well, so it learns
    /// nothing. Logged without any of what was typed.
    /// </summary>
    protected async Task<IActionResult> DiscardAsync()
    {
        SecurityLog.Write(HttpContext, LogLevel.Warning, "input_validation_fail", "online request discarded: the honeypot field was filled");
        if (DraftId != Guid.Empty)
        {
            await Sender.Send(new DiscardOnlineRequestDraft.Command(DraftId));
        }

        ForgetDraft();
        TempData[ReferenceKey] = ContactReferences.Generate();
        return Redirect("/request/confirmation");
    }

    /// <summary>Save the answers and go to <paramref name="path"/> (keeping "change" mode) without the usual next step.</summary>
    protected async Task<IActionResult> SaveAndRedirectAsync(OnlineRequestAnswers answers, string path)
    {
        await Sender.Send(new SaveOnlineRequestDraft.Command(DraftId, answers));
        return Redirect(path);
    }

    protected bool HoneypotFilled => !string.IsNullOrEmpty(Website);

    /// <summary>The link to a page, keeping the "changing from Check your answers" flag.</summary>
    public string Link(string path) => Changing ? path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "change=answers" : path;
}
