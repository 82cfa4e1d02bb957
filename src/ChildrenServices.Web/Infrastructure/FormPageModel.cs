using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// A page that binds a command as <c>Input</c> and sends it. When binding itself failed (a date that
/// is not a real date) the command's own rules still run, so the practitioner sees every problem at
/// once rather than one round trip per field.
/// </summary>
public abstract class FormPageModel(ISender sender) : PageModel, IReloadsDisplayData
{
    protected ISender Sender { get; } = sender;

    public virtual Task LoadDisplayDataAsync() => Task.CompletedTask;

    /// <summary>True when the form must be shown again (and the display data has been reloaded).</summary>
    protected async Task<bool> BindingFailedAsync<T>(T input)
    {
        if (ModelState.IsValid)
        {
            return false;
        }

        ReplaceFrameworkNumberMessages<T>();
        var validators = HttpContext.RequestServices.GetServices<IValidator<T>>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(input);
            foreach (var error in result.Errors)
            {
                var key = $"{UseCaseExceptionFilter.InputPrefix}.{error.PropertyName}";
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
    private void ReplaceFrameworkNumberMessages<T>()
    {
        var prefix = UseCaseExceptionFilter.InputPrefix + ".";
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
    /// Before "Check your answers": true when binding or any of the command's rules fail, with every
    /// error on the page and the form shown again with what was typed.
    /// </summary>
    protected async Task<bool> NotReadyToCheckAsync<T>(T input)
    {
        if (await BindingFailedAsync(input))
        {
            return true;
        }

        foreach (var validator in HttpContext.RequestServices.GetServices<IValidator<T>>())
        {
            var result = await validator.ValidateAsync(input);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{UseCaseExceptionFilter.InputPrefix}.{error.PropertyName}", error.ErrorMessage);
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

    protected IActionResult RedirectWithBanner(string pageName, object? routeValues, string message)
    {
        TempData["Banner"] = message;
        return RedirectToPage(pageName, routeValues);
    }
}
