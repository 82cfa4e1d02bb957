using ChildrenServices.Application;
using ChildrenServices.Application.People.Merging;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// A merged record is a tombstone: opening any of its pages (an old link, a bookmark) lands on the record it
/// was merged into, with a banner saying so. Only a GET that found nothing is looked at, so live records cost
/// nothing extra; a POST to a tombstone stays refused.
/// </summary>
public sealed class MergedRecordRedirect : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not NotFoundException || executed.ExceptionHandled
            || !HttpMethods.IsGet(context.HttpContext.Request.Method)
            || context.HandlerInstance is not PageModel page
            || !(context.ActionDescriptor.ViewEnginePath ?? string.Empty).StartsWith("/People/", StringComparison.Ordinal)
            || !Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id))
        {
            return;
        }

        var sender = context.HttpContext.RequestServices.GetRequiredService<ISender>();
        if (await sender.Send(new FindSurvivor.Query(id)) is not { } survivor)
        {
            return;
        }

        page.TempData["Notice"] = $"{survivor.MergedName}'s record was merged into this record. You have been brought here from the merged record.";
        executed.Result = new RedirectToPageResult("/People/Record", new { id = survivor.SurvivorId });
        executed.ExceptionHandled = true;
    }
}
