using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Stelvio.Deploy.Tests.Support.StandIn;

/// <summary>
/// A loopback stand-in for CloudFormation and STS (Query protocol over HTTP on 127.0.0.1), replaying
/// scripted responses in the shapes the API references document. It covers what moto cannot: failed
/// creates with per-resource events and reasons, rollbacks, outputs, throttling, replacements.
/// Every request is recorded for assertions.
/// </summary>
public sealed class CloudFormationStandIn : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Queue<Func<StandInRequest, Reply>>> scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StandInRequest> requests = new();
    private readonly Lock gate = new();
    private WebApplication? app;

    /// <summary>The base URL, for AWS_ENDPOINT_URL.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<StandInRequest> Requests => [.. requests];

    /// <summary>The actions received, in order.</summary>
    public IReadOnlyList<string> Actions => Requests.Select(r => r.Action).ToList();

    public static async Task<CloudFormationStandIn> StartAsync()
    {
        var standIn = new CloudFormationStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/", standIn.HandleAsync);
        await app.StartAsync();
        standIn.app = app;
        standIn.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.On("GetCallerIdentity", _ => Reply.Ok(Xml.GetCallerIdentity()));
        return standIn;
    }

    /// <summary>Answers <paramref name="action"/> with the replies in turn; the last one repeats.</summary>
    public CloudFormationStandIn On(string action, params Func<StandInRequest, Reply>[] replies)
    {
        scripts[action] = new Queue<Func<StandInRequest, Reply>>(replies);
        return this;
    }

    /// <summary>Answers <paramref name="action"/> with the XML bodies in turn; the last one repeats.</summary>
    public CloudFormationStandIn On(string action, params string[] bodies) =>
        On(action, bodies.Select(b => (Func<StandInRequest, Reply>)(_ => Reply.Ok(b))).ToArray());

    /// <summary>The requests of one action.</summary>
    public IReadOnlyList<StandInRequest> Of(string action) => Requests.Where(r => r.Action == action).ToList();

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Dictionary<string, string> parameters;
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0)
        {
            // A JSON-protocol call (DynamoDB's DescribeTable): the action is the target's last part, the parameters the body's top-level strings.
            using var body = await System.Text.Json.JsonDocument.ParseAsync(context.Request.Body);
            parameters = body.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            parameters["Action"] = target[(target.LastIndexOf('.') + 1)..];
        }
        else
        {
            var form = await context.Request.ReadFormAsync();
            parameters = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        }

        var request = new StandInRequest(
            parameters.GetValueOrDefault("Action") ?? "",
            parameters,
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers["X-Amz-Date"].ToString());
        requests.Enqueue(request);

        Reply reply;
        lock (gate)
        {
            if (scripts.TryGetValue(request.Action, out var queue) && queue.Count > 0)
            {
                var next = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
                reply = next(request);
            }
            else
            {
                reply = Reply.Error(HttpStatusCode.BadRequest, "InvalidAction", $"The stand-in has no script for {request.Action}.");
            }
        }

        if (reply.AnswerLost)
        {
            // The request was handled (its script ran) but the connection drops before any answer.
            context.Abort();
            return;
        }

        context.Response.StatusCode = (int)reply.Status;
        context.Response.ContentType = reply.ContentType;
        await context.Response.WriteAsync(reply.Body);
    }
}

/// <summary>One request the stand-in received.</summary>
public sealed record StandInRequest(string Action, IReadOnlyDictionary<string, string> Parameters, string Authorization, string AmzDate)
{
    public string? this[string name] => Parameters.GetValueOrDefault(name);
}

/// <summary>A scripted response.</summary>
public sealed record Reply(HttpStatusCode Status, string Body, string ContentType = "text/xml")
{
    /// <summary>Whether the connection is dropped instead of answering: the request was carried out, its answer lost.</summary>
    public bool AnswerLost { get; init; }

    public static Reply Ok(string body) => new(HttpStatusCode.OK, body);

    /// <summary>A JSON-protocol answer (DynamoDB).</summary>
    public static Reply Json(string body) => new(HttpStatusCode.OK, body, "application/x-amz-json-1.0");

    /// <summary>Carries out the request (the caller's script ran) and drops the connection before answering.</summary>
    public static Reply Lost() => new(HttpStatusCode.OK, "") { AnswerLost = true };

    public static Reply Error(HttpStatusCode status, string code, string message, string type = "Sender") =>
        new(status, Xml.Error(code, message, type));
}
