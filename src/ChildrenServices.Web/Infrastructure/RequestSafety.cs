using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// What a request must be before any page sees it. Malformed input is the sender's mistake, so it is
/// answered 4xx with the GOV.UK error page, never 500.
/// </summary>
public static class RequestSafety
{
    private static readonly string[] Allowed = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];

    /// <summary>Only GET, HEAD and POST reach the pages; anything else (TRACE, PUT, DELETE …) is 405.</summary>
    public static IApplicationBuilder UseAllowedMethodsOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!Allowed.Any(m => HttpMethods.Equals(m, context.Request.Method)))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = string.Join(", ", Allowed);

            // The error page answers GET and POST only: nothing more for a method no browser form sends.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return;
        }

        await next();
    });

    /// <summary>
    /// A posted form is read once, here: a body that cannot be read (a broken multipart boundary, a
    /// value over the size limit, a truncated upload) or that holds a NUL character is refused with
    /// 400 (413 for a body over Kestrel's limit) before model binding, antiforgery or a use case meets it.
    /// </summary>
    public static IApplicationBuilder UseWellFormedForms(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            await next();
            return;
        }

        int? refused = null;
        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form.Any(f => f.Key.Contains('\0') || f.Value.Any(v => v?.Contains('\0') == true))
                || form.Files.Any(f => f.FileName.Contains('\0') || f.Name.Contains('\0')))
            {
                refused = StatusCodes.Status400BadRequest;
            }
        }
        catch (BadHttpRequestException e)
        {
            refused = e.StatusCode;
        }
        catch (InvalidDataException)
        {
            refused = StatusCodes.Status400BadRequest;
        }
        catch (IOException) when (!context.RequestAborted.IsCancellationRequested)
        {
            refused = StatusCodes.Status400BadRequest;
        }

        if (refused is { } status)
        {
            // The error page is shown by re-running the request: it must find an empty form, not the bad one.
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Response.StatusCode = status;
            return;
        }

        await next();
    });
}
