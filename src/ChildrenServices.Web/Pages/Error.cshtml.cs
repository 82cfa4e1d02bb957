using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages;

/// <summary>Friendly 403, 404 and 500 pages, each with the correlation id the logs carry.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";

    public IReadOnlyList<string> Advice { get; private set; } = [];

    public string CorrelationId { get; private set; } = string.Empty;

    /// <summary>Too many requests comes from the public online request: send people back there, not to sign in.</summary>
    public bool FromPublicForm { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        CorrelationId = HttpContext.TraceIdentifier;
        FromPublicForm = status == StatusCodes.Status429TooManyRequests;
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
            StatusCodes.Status403Forbidden => ("You do not have access to this page", new[]
            {
                "Your role does not allow you to see or do this. Ask your manager if you think you need access.",
            }),
            _ => ("Sorry, there is a problem with the service", new[]
            {
                "Try again later. Anything you had saved before the problem is safe.",
            }),
        };
        Response.StatusCode = status is >= 400 and < 600 ? status : StatusCodes.Status500InternalServerError;
    }
}
