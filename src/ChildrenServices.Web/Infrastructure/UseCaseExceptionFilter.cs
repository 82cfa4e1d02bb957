using ChildrenServices.Application;
using ChildrenServices.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// A page whose form is re-shown after a refused command reloads its display data here — the one
/// place both GET and a failed POST use.
/// </summary>
public interface IReloadsDisplayData
{
    Task LoadDisplayDataAsync();
}

/// <summary>
/// Turns what the pipeline throws into what a practitioner sees: field errors with status 400
/// (their input kept), a conflict message with 409, 403 and 404 pages.
/// </summary>
public sealed class UseCaseExceptionFilter : IAsyncPageFilter
{
    /// <summary>Pages bind the command they send as this property, so field errors are keyed "Input.Field".</summary>
    public const string InputPrefix = "Input";

    /// <summary>Where a refusal's message waits for the error page when the form cannot be shown again.</summary>
    public const string RefusalItem = "UseCaseRefusal";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || context.HandlerInstance is not PageModel page)
        {
            return;
        }

        switch (executed.Exception)
        {
            case ValidationException validation:
                foreach (var error in validation.Errors)
                {
                    page.ModelState.AddModelError(Key(error.PropertyName), error.ErrorMessage);
                }

                executed.Result = await RedisplayAsync(page, StatusCodes.Status400BadRequest, validation.Errors.FirstOrDefault()?.ErrorMessage);
                break;
            case DomainRuleException rule:
                page.ModelState.AddModelError(Key(rule.Field), rule.Message);
                executed.Result = await RedisplayAsync(page, StatusCodes.Status400BadRequest, rule.Message);
                break;
            case ConcurrencyConflictException conflict:
                page.ModelState.AddModelError(string.Empty, conflict.Message);
                executed.Result = await RedisplayAsync(page, StatusCodes.Status409Conflict, conflict.Message);
                break;
            case NotFoundException:
                executed.Result = new NotFoundResult();
                break;
            case ReasonRequiredException reason:
                executed.Result = ReasonFirst(page.HttpContext, reason.PersonId);
                break;
            case ForbiddenException forbidden:
                // The error page says why ("you can read this record but not change it"), not only that it refused.
                page.HttpContext.Items[RefusalItem] = forbidden.Message;
                SecurityLog.Write(page.HttpContext, LogLevel.Warning, "authz_fail", "use case refused");
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                break;
            default:
                return;
        }

        executed.ExceptionHandled = true;
    }

    /// <summary>
    /// Need to know: the child's reason page, which comes back here once a reason is given (a GET's own address; after a
    /// POST, the page the form was on).
    /// </summary>
    public static IActionResult ReasonFirst(HttpContext http, Guid personId)
    {
        var back = HttpMethods.IsGet(http.Request.Method) ? http.Request.Path + http.Request.QueryString : http.Request.Path.ToString();
        return new RedirectResult($"/People/{personId}/Reason?returnUrl={Uri.EscapeDataString(back)}");
    }

    private static string Key(string? field) => string.IsNullOrEmpty(field) ? string.Empty : $"{InputPrefix}.{field}";

    private static async Task<IActionResult> RedisplayAsync(PageModel page, int status, string? refusal)
    {
        if (page is IReloadsDisplayData reloads)
        {
            try
            {
                await reloads.LoadDisplayDataAsync();
            }
            catch (ReasonRequiredException reason)
            {
                return ReasonFirst(page.HttpContext, reason.PersonId);
            }
            catch (Exception e) when (e is NotFoundException or ForbiddenException or DomainRuleException or ValidationException)
            {
                // The form cannot be shown again because what it was about has moved on (an early help
                // request already started, a record closed by someone else): say so, rather than fail.
                page.HttpContext.Items[RefusalItem] = refusal;
                return new StatusCodeResult(StatusCodes.Status409Conflict);
            }
        }

        return new PageResult { StatusCode = status };
    }
}
