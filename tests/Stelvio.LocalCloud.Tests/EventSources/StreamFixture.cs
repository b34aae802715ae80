using System.Text;
using System.Text.Json;
using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.EventSources;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.EventSources;

/// <summary>A real engine with one streamed table (key <c>id</c>, a string), a fake function and mappings on the stream.</summary>
internal sealed class StreamFixture : IAsyncDisposable
{
    public const string FunctionName = "handler";

    private readonly List<EventSourceMappings> _started = [];

    public StreamFixture(string viewType = "NEW_AND_OLD_IMAGES", TimeProvider? time = null, string table = "orders")
    {
        Time = time ?? TimeProvider.System;
        Engine = new DynamoEngine(new LocalDynamoOptions { TimeProvider = Time });
        TableName = table;
        Invoke("CreateTable", $$$"""
            {"TableName":"{{{table}}}","BillingMode":"PAY_PER_REQUEST",
             "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
             "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"{{{viewType}}}"}}
            """);
        using var described = JsonDocument.Parse(Invoke("DescribeTable", $$$"""{"TableName":"{{{table}}}"}"""));
        StreamArn = described.RootElement.GetProperty("Table").GetProperty("LatestStreamArn").GetString()!;
    }

    public TimeProvider Time { get; }

    public DynamoEngine Engine { get; }

    public string TableName { get; }

    public string StreamArn { get; }

    public FakeInvoker Invoker { get; } = new();

    public static LocalFunction Function(string name = FunctionName) => new(
        name, name, $"arn:aws:lambda:us-east-1:000000000000:function:{name}", "provided.al2023", "bootstrap", 128,
        TimeSpan.FromSeconds(3), "x86_64", new Dictionary<string, string>(), "arn:aws:iam::000000000000:role/r", "code.zip", null);

    /// <summary>A mapping with Lambda's defaults (TRIM_HORIZON here, so records written before the start are read).</summary>
    public LocalEventSourceMapping Mapping(string logicalId = "OrdersSubscription", string function = FunctionName) => new(
        logicalId, Guid.NewGuid().ToString(), function, StreamArn, "TRIM_HORIZON", null, 100, TimeSpan.Zero, -1, null,
        false, false, 1, true, [], null, null);

    public EventSourceMappings Start(params LocalEventSourceMapping[] mappings) => Start(new EventSourceOptions { RetryDelay = _ => TimeSpan.Zero, TimeProvider = Time }, mappings);

    public EventSourceMappings Start(EventSourceOptions options, params LocalEventSourceMapping[] mappings)
    {
        var functions = mappings.Select(m => m.FunctionName).Distinct().Select(name => Function(name)).ToList();
        var started = new EventSourceMappings(Engine, mappings, functions, Invoker, options);
        _started.Add(started);
        started.Start();
        return started;
    }

    public void Put(string id, string attributes = "")
    {
        var extra = attributes.Length == 0 ? "" : "," + attributes;
        Invoke("PutItem", "{\"TableName\":\"" + TableName + "\",\"Item\":{\"id\":{\"S\":\"" + id + "\"}" + extra + "}}");
    }

    public void Update(string id, string set, string values) =>
        Invoke("UpdateItem", "{\"TableName\":\"" + TableName + "\"," + Key(id) + ",\"UpdateExpression\":\"" + set + "\",\"ExpressionAttributeValues\":" + values + "}");

    public void Delete(string id) => Invoke("DeleteItem", "{\"TableName\":\"" + TableName + "\"," + Key(id) + "}");

    private static string Key(string id) => "\"Key\":{\"id\":{\"S\":\"" + id + "\"}}";

    public byte[] Invoke(string operation, string json) => Engine.Invoke(operation, Encoding.UTF8.GetBytes(json));

    /// <summary>Waits for the mappings to catch up (bounded, so a defect fails the test instead of hanging it).</summary>
    public static async Task Idle(EventSourceMappings mappings)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await mappings.WhenIdleAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var mappings in _started)
        {
            await mappings.DisposeAsync();
        }
        Engine.Dispose();
    }
}
