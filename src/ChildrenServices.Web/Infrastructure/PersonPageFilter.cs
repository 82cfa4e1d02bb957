using System.Reflection;
using ChildrenServices.Application;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// Applied by folder convention to every page under /People (Program.cs), so a new page there cannot forget
/// it. For a page whose address names a person (<c>id</c>):
/// <list type="bullet">
/// <item>a GET (or HEAD) loads the person into <see cref="PersonContext"/> before the handler runs: one
/// audited, person-scoped query, so a restricted or missing person is a 404 (and a merged one is sent on by
/// <see cref="MergedRecordRedirect"/>);</item>
/// <item>a GET of a page marked <c>[PersonPage(Records = true)]</c> refuses at once (403) a user who may read
/// the record but not record on it;</item>
/// <item>a POST asks only whether the user may see the person (a 404 before any handler if not); the command's own
/// rules decide the rest, and the person is loaded only if the page is shown again (a refused form), just before
/// it renders.</item>
/// </list>
/// It runs inside <see cref="UseCaseExceptionFilter"/> and <see cref="MergedRecordRedirect"/> (a higher
/// order), so what it throws becomes their 404, 403 or redirect.
/// </summary>
public sealed class PersonPageFilter : IAsyncPageFilter, IAsyncResultFilter, IOrderedFilter
{
    public const string RefusalMessage = "You can read this record but not change it";

    public int Order => 1;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id))
        {
            var page = context.ActionDescriptor.HandlerTypeInfo.GetCustomAttribute<PersonPageAttribute>() ?? PersonPageAttribute.ReadsOnly;
            var access = context.HttpContext.RequestServices.GetRequiredService<Application.Security.RecordAccess>();
            if (page.GivesReason)
            {
                // Nothing of the record is shown here, but a record hidden from the user is not there at all (the issue 15 matrix).
                await RequireVisibleAsync(context, access, id);
                await next();
                return;
            }

            var person = context.HttpContext.RequestServices.GetRequiredService<PersonContext>();
            person.Begin(id, page.WithDetails || page.WithOverview, page.WithOverview);
            if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method))
            {
                // Need to know (issue 15): someone who does not work with the child gives a reason first.
                var services = context.HttpContext.RequestServices;
                var reading = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Application.Security.ReadingSettings>>().Value;
                if (reading.ReadingPolicy == Application.Security.ReadingPolicy.NeedToKnow
                    && await services.GetRequiredService<Application.Security.RecordAccess>().NeedsReasonToReadAsync(
                        id, reading, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, context.HttpContext.RequestAborted))
                {
                    context.Result = UseCaseExceptionFilter.ReasonFirst(context.HttpContext, id);
                    return;
                }

                await person.LoadAsync(context.HttpContext.RequestAborted);
                if (page.Records && !person.Header.CanRecord)
                {
                    throw new ForbiddenException(RefusalMessage);
                }
            }
            else
            {
                // Every POST about a record the user may not see is a 404 before its handler runs: no handler (a draft
                // discarded, a search redirected, a form refused by validation) answers anything else for it. The use
                // case's own gate asks again, answered from the request's cache of people seen.
                await RequireVisibleAsync(context, access, id);
            }
        }

        await next();
    }

    private static async Task RequireVisibleAsync(PageHandlerExecutingContext context, Application.Security.RecordAccess access, Guid id)
    {
        if (!await access.CanSeeAsync(id, context.HttpContext.RequestAborted))
        {
            SecurityLog.Write(context.HttpContext, Microsoft.Extensions.Logging.LogLevel.Warning, "authz_fail", "record missing or hidden from the user");
            throw new NotFoundException("Page not found");
        }
    }

    /// <summary>A page shown again after a refused POST still shows whose record it is.</summary>
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var person = context.HttpContext.RequestServices.GetRequiredService<PersonContext>();
        if (context.Result is PageResult && person.Id != Guid.Empty && !person.IsLoaded)
        {
            try
            {
                await person.LoadAsync(context.HttpContext.RequestAborted);
            }
            catch (NotFoundException)
            {
                context.Result = new Microsoft.AspNetCore.Mvc.NotFoundResult();
            }
        }

        await next();
    }
}
