using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Stelvio.Local;
using Stelvio.LocalCloud;
using Stelvio.LocalCloud.Hosting;
using Stelvio.LocalCloud.Lambda;

namespace Stelvio.Testing;

/// <summary>
/// The whole app running on this machine, for tests: its tables on the local DynamoDB engine, its functions as local
/// processes built from the app's handler folders, its stream subscriptions delivering as Lambda does, and each
/// function's IAM policies enforced (a call a function is not linked for fails with <c>AccessDeniedException</c>).
/// Nothing is deployed and no AWS account is needed. Dispose it to stop everything.
/// </summary>
/// <example>
/// <code>
/// await using var cloud = await LocalCloud.StartAsync("shop", "test", ShopApp.Declare);
/// using var db = cloud.CreateDynamoDBClient();
/// await db.PutItemAsync(cloud.TableName("orders"), item);
/// await cloud.WhenIdleAsync();
/// Assert.Contains(cloud.Invocations, i =&gt; i.Function == cloud.FunctionName("orders-process-orders"));
/// </code>
/// </example>
public sealed class LocalCloud : IAsyncDisposable
{
    /// <summary>How long <see cref="WhenIdleAsync"/> waits when not told.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(60);

    private LocalCloud(LocalCloudHost host, SynthResult synth, LocalBuildResult code)
    {
        Host = host;
        Synth = synth;
        Code = code;
    }

    /// <summary>The endpoint of DynamoDB, DynamoDB Streams and Lambda's Invoke, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri Endpoint => Host.Endpoint;

    /// <summary>The local region.</summary>
    public string Region => Host.App.Region;

    /// <summary>
    /// The environment a program run against this local cloud needs: <c>AWS_ENDPOINT_URL</c> and the per-service
    /// endpoints, the region, credentials that are always allowed, and every resource's <c>STLV_…</c> variables as links
    /// name them (<c>STLV_ORDERS_TABLE_NAME</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment => Host.ClientEnvironment;

    /// <summary>What the app declares that does not run (or is not evaluated) locally, and what the local build did differently from a deploy.</summary>
    public IReadOnlyList<string> NotRunLocally => [.. Code.Notices, .. Host.NotRunLocally];

    /// <summary>Every finished invocation, oldest first.</summary>
    public IReadOnlyList<LocalInvocation> Invocations => [.. Host.History.Select(LocalInvocation.From)];

    /// <summary>Every call a function's policies refused, oldest first.</summary>
    public IReadOnlyList<LocalDeniedCall> DeniedCalls => [.. Host.DeniedCalls.Select(d => new LocalDeniedCall(d.FunctionName, d.Action, d.Resource, d.Message, d.At))];

    /// <summary>Every stream batch given up (retries exhausted or records too old), oldest first, with AWS's failure record.</summary>
    public IReadOnlyList<LocalFailedBatch> FailedBatches =>
        [.. Host.FailedBatches.Select(b => new LocalFailedBatch(b.FunctionName, b.LogicalId, b.Condition, b.RecordCount, b.Record, b.Destination, b.At))];

    internal LocalCloudHost Host { get; }

    internal SynthResult Synth { get; }

    internal LocalBuildResult Code { get; }

    /// <summary>
    /// Declares the app, synthesizes it, builds its functions for this machine (cached between runs under the project's
    /// <c>.stelvio/local</c>) and starts it. Handler folders are found as <see cref="Template.Synth(string, string, Action{StelvioApp})"/>
    /// finds them: relative to the project of <paramref name="declare"/>'s method.
    /// </summary>
    public static Task<LocalCloud> StartAsync(string app, string stage, Action<StelvioApp> declare, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(declare);
        return StartAsync(app, stage, declare, new LocalCloudOptions(), cancellationToken);
    }

    /// <summary>As <see cref="StartAsync(string, string, Action{StelvioApp}, CancellationToken)"/>, with options (project folder, data directory).</summary>
    public static async Task<LocalCloud> StartAsync(string app, string stage, Action<StelvioApp> declare, LocalCloudOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(declare);
        ArgumentNullException.ThrowIfNull(options);
        var synth = StelvioApp.Declare(app, stage, declare, options.ProjectDirectory ?? AppProject.DirectoryOf(declare)).Synth();
        var code = await LocalBuild.BuildAsync(synth, null, cancellationToken).ConfigureAwait(false);
        var host = await LocalCloudHost.StartAsync(new LocalCloudHostOptions
        {
            Template = synth.TemplateBytes,
            StackName = synth.StackName,
            Code = code,
            DataDirectory = options.DataDirectory,
            RetryDelay = options.RetryDelay,
        }, cancellationToken).ConfigureAwait(false);
        return new LocalCloud(host, synth, code);
    }

    /// <summary>A DynamoDB client for this local cloud (with credentials that are always allowed). Dispose it.</summary>
    public AmazonDynamoDBClient CreateDynamoDBClient() =>
        new(new BasicAWSCredentials(ClientEnvironment.AccessKeyId, ClientEnvironment.SecretAccessKey), new AmazonDynamoDBConfig
        {
            ServiceURL = ClientEnvironment.EndpointUrl(Endpoint),
            AuthenticationRegion = Region,
        });

    /// <summary>The physical name of the app's table <paramref name="name"/> (as declared: <c>"orders"</c> → <c>shop-test-orders</c>).</summary>
    public string TableName(string name) =>
        Find(Host.App.Tables.Select(t => t.TableName), name, "table");

    /// <summary>The physical name of the app's function <paramref name="name"/> (as declared: <c>"process-user"</c>, or a subscription's <c>"orders-process-orders"</c>).</summary>
    public string FunctionName(string name) =>
        Find(Host.App.Functions.Select(f => f.Name), name, "function");

    /// <summary>
    /// Invokes the function <paramref name="function"/> (its declared or physical name) once with the event
    /// <paramref name="eventJson"/>, as Lambda's <c>RequestResponse</c> does, and returns the invocation (a function error
    /// is in <see cref="LocalInvocation.Error"/>, not thrown).
    /// </summary>
    public async Task<LocalInvocation> InvokeAsync(string function, string eventJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        var payload = Encoding.UTF8.GetBytes(eventJson);
        var result = await Host.InvokeAsync(FunctionName(function), payload, new InvocationTrigger("test", null, 0), cancellationToken).ConfigureAwait(false);
        return LocalInvocation.From(new HostedInvocation(payload, result));
    }

    /// <summary>
    /// Completes when every stream subscription has dealt with every record written so far (and those its handlers
    /// wrote) and no invocation is in flight. After <paramref name="timeout"/> (default <see cref="DefaultIdleTimeout"/>) it
    /// throws <see cref="TimeoutException"/> saying what it still waits for.
    /// </summary>
    public Task WhenIdleAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Host.WhenIdleAsync(timeout ?? DefaultIdleTimeout, cancellationToken);

    /// <summary>Stops the subscriptions, every function process, the endpoint and the tables.</summary>
    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private string Find(IEnumerable<string> physicalNames, string name, string kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        var names = physicalNames.ToList();
        if (names.Contains(name))
        {
            return name;
        }

        var prefixed = $"{Synth.StackName}-{name}";
        return names.Contains(prefixed)
            ? prefixed
            : throw new ArgumentException(
                $"The app has no {kind} '{name}'. Its {kind}s: {string.Join(", ", names.Select(n => ClientEnvironment.LinkName(n, Synth.StackName)))}.", nameof(name));
    }
}
