using System.Security.Claims;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// Every posted form carries a one-time submission id (added by <see cref="TagHelpers.PostFormTagHelper"/>).
/// The first post with an id claims it (the id is the table's key); a repeat — a double-click, a
/// resend — is sent where the first went instead of doing the work again, and a repeat that arrives
/// while the first is still running waits for it. Only a redirect is remembered: a form shown again
/// with errors frees its id for the corrected post. ADR 0015.
/// </summary>
public static class FormSubmissions
{
    public const string FieldName = "__SubmissionId";

    /// <summary>How long a repeat waits for the first post to finish before it is told to check and try again.</summary>
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(30);

    private const int MaxPath = 400;

    private const int MaxLocation = 2000;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Remembered for a day: long enough for any resend, short enough to keep the table small.</summary>
    private static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    public static IApplicationBuilder UseOnceOnlyFormSubmissions(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.HasFormContentType
            || context.Request.Path.StartsWithSegments("/Account")
            || context.Request.Path.StartsWithSegments("/Error"))
        {
            await next();
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!Guid.TryParse(form[FieldName].ToString(), out var id) || id == Guid.Empty)
        {
            await next();
            return;
        }

        // Kept to the column's length: a longer path is the same page for this purpose.
        var path = context.Request.Path.Value ?? "/";
        path = path.Length > MaxPath ? path[..MaxPath] : path;
        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        Guid? userId = Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var u) ? u : null;

        var waited = TimeSpan.Zero;
        while (true)
        {
            var first = await db.FormSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, context.RequestAborted);

            // Not seen before (or the first was refused and let its id go): claim it. Of two that try
            // at once, the key lets one in; the other waits for it like any repeat.
            if (first is null && await ClaimAsync(db, new FormSubmission(id, userId, path, now), context.RequestAborted))
            {
                break;
            }

            if (first is not null && (first.UserId != userId || first.Path != path))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (first?.ResultLocation is { } location)
            {
                context.Response.Redirect(location);
                return;
            }

            if (waited >= WaitForFirst)
            {
                context.Response.StatusCode = StatusCodes.Status409Conflict;
                return;
            }

            await Task.Delay(Poll, context.RequestAborted);
            waited += Poll;
        }

        var remembered = false;
        try
        {
            await next();
            if (context.Response.StatusCode is >= 300 and < 400 && context.Response.Headers.Location.ToString() is { Length: > 0 and <= MaxLocation } target)
            {
                await db.FormSubmissions.Where(s => s.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ResultLocation, target), CancellationToken.None);
                remembered = true;
            }
        }
        finally
        {
            if (!remembered)
            {
                await db.FormSubmissions.Where(s => s.Id == id).ExecuteDeleteAsync(CancellationToken.None);
            }
        }

        var cutoff = now - Kept;
        if (id.GetHashCode() % 50 == 0)
        {
            await db.FormSubmissions.Where(s => s.ReceivedAtUtc < cutoff).ExecuteDeleteAsync(CancellationToken.None);
        }
    });

    private static async Task<bool> ClaimAsync(AppDbContext db, FormSubmission submission, CancellationToken cancellation)
    {
        db.FormSubmissions.Add(submission);
        try
        {
            await db.SaveChangesAsync(cancellation);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.Entry(submission).State = EntityState.Detached;
        }
    }
}
