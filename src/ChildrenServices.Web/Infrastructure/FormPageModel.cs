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
