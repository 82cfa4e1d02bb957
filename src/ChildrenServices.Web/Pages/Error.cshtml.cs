using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages;

/// <summary>Friendly error pages (400, 403, 404, 405, 409, 413, 429, 500), each with the correlation id the logs carry.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";

    public IReadOnlyList<string> Advice { get; private set; } = [];

    public string CorrelationId { get; private set; } = string.Empty;

    /// <summary>
    /// The problem came from the public online request (or is its rate limit): send people back there,
    /// not to staff sign-in.
    /// </summary>
    public bool FromPublicForm { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Only error codes have a page: /Error/200 (or any other code typed in) is a page that is not there.
        var status = code switch
        {
            null => StatusCodes.Status500InternalServerError,
            >= 400 and < 600 => code.Value,
            _ => StatusCodes.Status404NotFound,
        };
        CorrelationId = HttpContext.TraceIdentifier;
        if (status == StatusCodes.Status500InternalServerError && HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error is { } error)
        {
            // The kind of failure only: an exception's message can quote what was typed.
            SecurityLog.Write(HttpContext, LogLevel.Error, "sys_error", $"unexpected {error.GetType().Name}");
        }
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        FromPublicForm = status == StatusCodes.Status429TooManyRequests
            || (originalPath is not null && originalPath.StartsWith("/request", StringComparison.OrdinalIgnoreCase));
        (Title, Advice) = status switch
        {
            StatusCodes.Status404NotFound => ("Page not found", new[]
            {
                "If you typed the web address, check it is correct.",
                "If you followed a link to a record, it may have moved, or you may not have access to it.",
            }),
            StatusCodes.Status429TooManyRequests => ("You have sent too many requests", new[]
            {
                "To protect this service, we limit how many forms can be sent from one place in a short time.",
                "Wait an hour and try again, or phone your council's children's services front door.",
                "If a child is in immediate danger, call 999.",
            }),
            StatusCodes.Status400BadRequest => ("Sorry, the form could not be sent", new[]
            {
                "What was sent could not be read, or the page had been open too long.",
                "Go back, reload the page, check what you entered and try again.",
            }),
            StatusCodes.Status405MethodNotAllowed => ("Sorry, the page cannot do that", new[]
            {
                "Go back and try again from a link or button on the page.",
            }),
            StatusCodes.Status409Conflict => ("Sorry, that could not be done", new[]
            {
                HttpContext.Items[Infrastructure.UseCaseExceptionFilter.RefusalItem] as string ?? "It may have been done already, or changed by someone else since you opened the page.",
                "Go back, reload the page and check before you try again.",
            }),
            StatusCodes.Status413PayloadTooLarge => ("Sorry, what you sent is too large", new[]
            {
                "Go back, make what you entered shorter, and try again.",
            }),
            StatusCodes.Status403Forbidden => ("You do not have access to this page", HttpContext.Items[Infrastructure.UseCaseExceptionFilter.RefusalItem] is string why
                ? new[] { why.TrimEnd('.') + ".", "Ask your manager if you think you need access." }
                : new[] { "Your role does not allow you to see or do this. Ask your manager if you think you need access." }),
            _ => ("Sorry, there is a problem with the service", new[]
            {
                "Try again later. Anything you had saved before the problem is safe.",
            }),
        };
        Response.StatusCode = status;
    }
}
