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

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        CorrelationId = HttpContext.TraceIdentifier;
        (Title, Advice) = status switch
        {
            StatusCodes.Status404NotFound => ("Page not found", new[]
            {
                "If you typed the web address, check it is correct.",
                "If you followed a link to a record, it may have moved, or you may not have access to it.",
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
