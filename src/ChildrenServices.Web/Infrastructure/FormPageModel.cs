using System.Globalization;
using System.Reflection;
using ChildrenServices.Application;
using ChildrenServices.Application.Drafts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// A page that binds a command as <c>Input</c> and sends it. When binding itself failed (a date that
/// is not a real date) the command's own rules still run, so the practitioner sees every problem at
/// once rather than one round trip per field. A page marked <see cref="KeepsDraftAttribute"/> keeps a
/// server-side draft of its form: saved by the Draft handler, restored on GET, deleted once the form is sent.
/// </summary>
public abstract class FormPageModel(ISender sender) : PageModel, IReloadsDisplayData
{
    protected ISender Sender { get; } = sender;

    public virtual Task LoadDisplayDataAsync() => Task.CompletedTask;

    /// <summary>
    /// True when the form must be shown again (and the display data has been reloaded). <paramref name="prefix"/> is the
    /// property the form binds (a page with two forms binds the second under another name).
    /// </summary>
    protected async Task<bool> BindingFailedAsync<T>(T input, string prefix = UseCaseExceptionFilter.InputPrefix)
    {
        if (ModelState.IsValid)
        {
            return false;
        }

        ReplaceFrameworkNumberMessages<T>(prefix);
        var validators = HttpContext.RequestServices.GetServices<IValidator<T>>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(input);
            foreach (var error in result.Errors)
            {
                var key = $"{prefix}.{error.PropertyName}";
                if (!ModelState.ContainsKey(key) || ModelState[key]!.Errors.Count == 0)
                {
                    ModelState.AddModelError(key, error.ErrorMessage);
                }
            }
        }

        await LoadDisplayDataAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return true;
    }

    /// <summary>
    /// Letters in a number box fail model binding with the framework's own words ("The value 'ten' is not
    /// valid for AmberWorkingDays"). Every such field gets a GOV.UK message instead; what was typed stays in
    /// the box (the form tag helpers show the attempted value).
    /// </summary>
    private void ReplaceFrameworkNumberMessages<T>(string form)
    {
        var prefix = form + ".";
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            var entry = ModelState[key]!;
            var property = typeof(T).GetProperty(key[prefix.Length..]);
            if (entry.Errors.Count == 0 || property is null || !IsWholeNumber(property.PropertyType))
            {
                continue;
            }

            entry.Errors.Clear();
            ModelState.AddModelError(key, $"{Humanise(property.Name)} must be a whole number, like 5");
        }
    }

    private static bool IsWholeNumber(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte));

    /// <summary>"ChildInNeedReviewWeeks" becomes "Child in need review weeks".</summary>
    private static string Humanise(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(name, "(?<!^)([A-Z])", " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>
    /// A "Check your answers" step (ux.md: consequential decisions): true when the form's answers pass its checks and the
    /// page's data is loaded to show them for confirming; false when the form is to be shown again with its problems (400).
    /// </summary>
    protected async Task<bool> ReadyToCheckAsync<T>(T input)
    {
        if (await NotReadyToCheckAsync(input))
        {
            return false;
        }

        await LoadDisplayDataAsync();
        return true;
    }

    /// <summary>Back from "Check your answers" to the form, answers intact and no problems shown.</summary>
    protected Task BackToFormAsync()
    {
        ModelState.Clear();
        return LoadDisplayDataAsync();
    }

    /// <summary>
    /// Before "Check your answers": true when binding or any of the command's rules fail, with every
    /// error on the page and the form shown again with what was typed.
    /// </summary>
    protected async Task<bool> NotReadyToCheckAsync<T>(T input, string prefix = UseCaseExceptionFilter.InputPrefix)
    {
        if (await BindingFailedAsync(input, prefix))
        {
            return true;
        }

        foreach (var validator in HttpContext.RequestServices.GetServices<IValidator<T>>())
        {
            var result = await validator.ValidateAsync(input);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{prefix}.{error.PropertyName}", error.ErrorMessage);
            }
        }

        if (ModelState.IsValid)
        {
            return false;
        }

        await LoadDisplayDataAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return true;
    }

    /// <summary>
    /// How most forms end their POST: shown again with every problem when binding failed; otherwise the command
    /// is sent (its validator and the domain's rules run in the pipeline, and a refusal comes back to this form
    /// through <see cref="UseCaseExceptionFilter"/>) and the practitioner returns to <paramref name="pageName"/>
    /// with a banner saying what was done.
    /// </summary>
    protected async Task<IActionResult> SendAndReturnAsync<T>(T input, string pageName, object? routeValues, string banner)
        where T : notnull
    {
        if (await BindingFailedAsync(input))
        {
            return Page();
        }

        await Sender.Send(input);
        return RedirectWithBanner(pageName, routeValues, banner);
    }

    protected IActionResult RedirectWithBanner(string pageName, object? routeValues, string message)
    {
        TempData["Banner"] = message;
        return RedirectToPage(pageName, routeValues);
    }

    /// <summary>The field names a draft never keeps: the antiforgery token and other one-time values.</summary>
    private static bool IsDraftField(string name) => !name.StartsWith("__", StringComparison.Ordinal) && name != "handler";

    private KeepsDraftAttribute? DraftOptions => GetType().GetCustomAttribute<KeepsDraftAttribute>();

    /// <summary>True when the page keeps a draft of its form.</summary>
    public bool KeepsDraft => DraftOptions is not null;

    /// <summary>When the draft now in the form was saved, if the form was filled from one.</summary>
    public DateTime? DraftRestoredFromUtc { get; private set; }

    /// <summary>The URL the form's script posts the draft to: the form's <c>data-form-draft</c>.</summary>
    public string? DraftUrl => KeepsDraft ? Url.Page(PageContext.ActionDescriptor.ViewEnginePath, "Draft", RouteData.Values) : null;

    /// <summary>"14:32" for a draft saved today, else "3 December 2026 at 14:32".</summary>
    public static string DraftTime(DateTime savedAtUtc, TimeProvider clock) =>
        DateOnly.FromDateTime(UkTime.ToLocal(savedAtUtc)) == UkTime.Today(clock) ? Display.Time(savedAtUtc) : Display.DateTime(savedAtUtc);

    public string DraftSavedAt(DateTime savedAtUtc) => DraftTime(savedAtUtc, HttpContext.RequestServices.GetRequiredService<TimeProvider>());

    private DraftKey DraftKeyFor(KeepsDraftAttribute options)
    {
        Guid Route(string name) => Guid.TryParse(RouteData.Values[name]?.ToString(), out var id) ? id : Guid.Empty;
        return new DraftKey(PageContext.ActionDescriptor.ViewEnginePath, Route(options.Subject), options.Scope, Route("id"));
    }

    /// <summary>
    /// Called by /js/form-draft.js as the form is typed, and by navigator.sendBeacon as the page is left. Keeps
    /// every field as posted (nothing is validated: a half-typed date is no reason to refuse a draft).
    /// </summary>
    public async Task<IActionResult> OnPostDraftAsync()
    {
        if (DraftOptions is not { } options)
        {
            return NotFound();
        }

        ModelState.Clear();
        var fields = Request.Form.Where(f => IsDraftField(f.Key))
            .ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal);
        try
        {
            var saved = await Sender.Send(new SaveDraft.Command(DraftKeyFor(options), fields));
            return new JsonResult(new { savedAt = Display.Time(saved) });
        }
        catch (ValidationException refused)
        {
            return new JsonResult(new { error = refused.Errors.First().ErrorMessage }) { StatusCode = StatusCodes.Status400BadRequest };
        }
    }

    /// <summary>"Discard the draft and start again": the form as it is with nothing restored.</summary>
    public async Task<IActionResult> OnPostDiscardDraftAsync()
    {
        if (DraftOptions is not { } options)
        {
            return NotFound();
        }

        await Sender.Send(new DiscardDraft.Command(DraftKeyFor(options)));
        TempData["Banner"] = "Draft discarded";
        return Redirect(Url.Page(PageContext.ActionDescriptor.ViewEnginePath, RouteData.Values)!);
    }

    /// <summary>Restores the draft into the form a GET shows, and deletes it once a POST has sent the form.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (DraftOptions is not { } options || (executed.Exception is not null && !executed.ExceptionHandled))
        {
            return;
        }

        var handler = context.HandlerMethod?.Name;
        if (HttpMethods.IsGet(Request.Method) && executed.Result is null or PageResult { StatusCode: null or 200 })
        {
            await RestoreDraftAsync(options);
        }
        else if (HttpMethods.IsPost(Request.Method) && handler is not ("Draft" or "DiscardDraft")
            && executed.Exception is null && executed.Result is RedirectToPageResult or RedirectResult or LocalRedirectResult)
        {
            // Sent: the draft has become the record, and keeping it would offer the same text again next time.
            await Sender.Send(new DiscardDraft.Command(DraftKeyFor(options)));
        }
    }

    private async Task RestoreDraftAsync(KeepsDraftAttribute options)
    {
        var draft = await Sender.Send(new GetDraft.Query(DraftKeyFor(options)));
        if (draft is null)
        {
            return;
        }

        var form = new FormCollection(draft.Fields.ToDictionary(f => f.Key, f => new StringValues(f.Value), StringComparer.Ordinal));
        var values = new FormValueProvider(BindingSource.Form, form, CultureInfo.CurrentCulture);
        var changedSince = false;
        foreach (var property in GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<BindPropertyAttribute>() is not { } bind || property.GetValue(this) is not { } model)
            {
                continue;
            }

            // The version the page has just loaded: the draft may have been typed against an older one.
            var loaded = (model as IVersioned)?.Version;
            await TryUpdateModelAsync(model, property.PropertyType, bind.Name ?? property.Name, values, _ => true);
            if (model is IVersioned restored && loaded is { } current && restored.Version != current)
            {
                changedSince = true;
                var version = property.PropertyType.GetProperty(nameof(IVersioned.Version));
                version?.SetValue(model, current);
            }
        }

        // Restoring is not sending: a half-typed draft shows no errors until the form is sent.
        ModelState.Clear();
        DraftRestoredFromUtc = draft.SavedAtUtc;
        if (changedSince)
        {
            ModelState.AddModelError(string.Empty,
                $"This record has changed since your draft was saved at {DraftSavedAt(draft.SavedAtUtc)}. Your draft is in the form "
                + "but has not been sent: check the record as it is now, so that sending your draft does not undo those changes, or discard the draft.");
        }
    }
}
