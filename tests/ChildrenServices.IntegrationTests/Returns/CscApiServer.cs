using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChildrenServices.IntegrationTests.Returns;

/// <summary>
/// A stand-in for the DfE's daily-feed API on a local port: every request is checked against the API's own OpenAPI
/// description (the CSC schema, with JsonSchema.Net and formats such as dates enforced), its path and key; it answers
/// what the test scripted (429, 5xx, 413), else 200 with a receipt. What it received is kept for the test to read.
/// </summary>
public sealed class CscApiServer : IAsyncDisposable
{
    public const string Key = "test-key-not-a-secret";

    private static readonly JsonSchema Csc = LoadSchema();
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> script = new();

    private CscApiServer(WebApplication app) => this.app = app;

    public string Address { get; private set; } = string.Empty;

    /// <summary>Every request in order: its la_code, its body, and what it was answered.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    public sealed record Received(string LaCode, JsonArray Body, int Status, string? Receipt);

    /// <summary>Schema problems met: a request that broke the API's schema is answered 400 and listed here.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    public static async Task<CscApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new CscApiServer(app);
        app.MapPost("/children_social_care_data/{laCode}/children", server.ReceiveAsync);
        await app.StartAsync();
        server.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>The next requests are answered these statuses, in order (then 200 again).</summary>
    public void Answer(params (int Status, string? RetryAfter)[] answers)
    {
        foreach (var answer in answers)
        {
            script.Enqueue(answer);
        }
    }

    private async Task<IResult> ReceiveAsync(string laCode, HttpRequest request)
    {
        if (request.Headers["Ocp-Apim-Subscription-Key"] != Key)
        {
            Problems.Enqueue("The key was not sent");
            return Results.StatusCode(401);
        }

        // The path's la_code: the API's parameter is an integer of at most 999, the council's three-digit DfE number.
        if (!int.TryParse(laCode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var la) || la > 999)
        {
            Problems.Enqueue($"la_code {laCode} is not the API's integer of at most 999");
            return Results.StatusCode(400);
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            Problems.Enqueue($"Content type {request.ContentType}");
            return Results.StatusCode(400);
        }

        var node = await JsonNode.ParseAsync(request.Body);
        var result = Csc.Evaluate(node, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!result.IsValid)
        {
            foreach (var detail in result.Details.Where(d => d.HasErrors))
            {
                Problems.Enqueue($"{detail.InstanceLocation}: {string.Join("; ", detail.Errors!.Values)}");
            }

            Requests.Enqueue(new Received(laCode, node!.AsArray(), 400, null));
            return Results.StatusCode(400);
        }

        if (script.TryDequeue(out var scripted))
        {
            Requests.Enqueue(new Received(laCode, node!.AsArray(), scripted.Status, null));
            if (scripted.RetryAfter is { } after)
            {
                request.HttpContext.Response.Headers.RetryAfter = after;
            }

            return Results.StatusCode(scripted.Status);
        }

        var receipt = Guid.NewGuid().ToString("D");
        Requests.Enqueue(new Received(laCode, node!.AsArray(), 200, receipt));
        return Results.Json(receipt);
    }

    /// <summary>The CSC schema out of the API's OpenAPI description, as the API publishes it.</summary>
    private static JsonSchema LoadSchema()
    {
        var openApi = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Returns", "CscApi", "openapi.json")))!;
        return JsonSchema.FromText(openApi["components"]!["schemas"]!["CSC"]!.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
