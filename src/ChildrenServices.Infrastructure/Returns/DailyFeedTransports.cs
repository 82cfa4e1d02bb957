using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ChildrenServices.Application.Returns.Feed;
using Microsoft.Extensions.Options;

namespace ChildrenServices.Infrastructure.Returns;

/// <summary>
/// Sends the daily feed to the DfE's API: POST {endpoint}/children_social_care_data/{la_code}/children with the JSON array,
/// the issued key in its header. Any answer is returned as it came; no answer (a timeout, a refused connection) comes back
/// without a status, to be tried again.
/// </summary>
public sealed class HttpDailyFeedTransport(HttpClient http, IOptions<DailyFeedOptions> options) : IDailyFeedTransport
{
    private readonly DailyFeedOptions settings = options.Value;

    public string Destination => settings.Endpoint!.TrimEnd('/');

    public bool WritesFiles => false;

    public async Task<FeedAnswer> SendAsync(ReadOnlyMemory<byte> body, string laCode, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Destination}/children_social_care_data/{Uri.EscapeDataString(laCode)}/children")
        {
            Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            request.Headers.TryAddWithoutValidation(settings.ApiKeyHeader, settings.ApiKey);
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            string? receipt = null;
            if (status == 200)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                receipt = ReadReceipt(text);
            }

            var retryAfter = response.Headers.RetryAfter is { } after
                ? after.Delta ?? (after.Date is { } date ? date - DateTimeOffset.UtcNow : null)
                : null;
            return new FeedAnswer(status, receipt, retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter, status is 200 or 204 ? null : $"Answered {status} {response.ReasonPhrase}");
        }
        catch (HttpRequestException e)
        {
            return new FeedAnswer(null, null, null, $"No answer: {e.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new FeedAnswer(null, null, null, "No answer: timed out");
        }
    }

    /// <summary>The receipt is a UUID, as a JSON string (the API's Receipt schema) or bare.</summary>
    private static string? ReadReceipt(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('"'))
        {
            try
            {
                trimmed = JsonSerializer.Deserialize<string>(trimmed) ?? string.Empty;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return Guid.TryParse(trimmed, CultureInfo.InvariantCulture, out var receipt) ? receipt.ToString("D") : null;
    }
}

/// <summary>
/// With no endpoint set, writes each request the feed would have sent to a file of its own in the folder, readable by the
/// app's account only: {yyyyMMdd-HHmmss}-{n}.json.
/// </summary>
public sealed class FileDailyFeedTransport(string folder, TimeProvider clock) : IDailyFeedTransport
{
    private int written;

    public string Destination => "file:" + Path.GetFullPath(folder);

    public bool WritesFiles => true;

    public async Task<FeedAnswer> SendAsync(ReadOnlyMemory<byte> body, string laCode, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}-{Interlocked.Increment(ref written):D4}-{Guid.NewGuid():N}.json";
        await using (var file = Application.Returns.ReturnFiles.CreatePrivate(Path.Combine(folder, name)))
        {
            await file.WriteAsync(body, ct);
        }

        return new FeedAnswer(200, name, null, null);
    }
}
