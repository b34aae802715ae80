using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.Template;

/// <summary>Function settings and every subscription option the synth emits, materialized.</summary>
public sealed class FunctionAndMappingTests : IDisposable
{
    private readonly DynamoEngine engine = new();

    public void Dispose() => engine.Dispose();

    [Fact]
    public void Function_CarriesMemoryTimeoutArchitectureEnvironmentAndReservedConcurrency()
    {
        var app = TemplateMaterializer.Materialize(TestApps.Synth(_ =>
        {
            var orders = new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id", Stream = "new-image" });
            var worker = new Function("worker", new()
            {
                Handler = "functions/Orders::OrderHandlers.ProcessChanges",
                Memory = 512,
                Timeout = 30,
                Architecture = LambdaArchitecture.Arm64,
                Environment = { ["MODE"] = "batch", ["ORDERS_STREAM"] = orders.StreamArn! },
                Links = [orders],
            });
            worker.AddPropertyOverride("ReservedConcurrentExecutions", 4);
        }), engine, TestApps.StackName);

        var worker = Assert.Single(app.Functions);
        Assert.Equal("shop-test-worker", worker.Name);
        Assert.Equal(512, worker.MemorySize);
        Assert.Equal(TimeSpan.FromSeconds(30), worker.Timeout);
        Assert.Equal("arm64", worker.Architecture);
        Assert.Equal(4, worker.ReservedConcurrency);
        Assert.Equal("batch", worker.Environment["MODE"]);
        Assert.Equal(app.Tables.Single().StreamArn, worker.Environment["ORDERS_STREAM"]);
        Assert.Equal("shop-test-orders", worker.Environment["STLV_ORDERS_TABLE_NAME"]);
        Assert.Equal(app.Tables.Single().Arn, worker.Environment["STLV_ORDERS_TABLE_ARN"]);
        Assert.Contains(worker.Environment, e => e.Key.StartsWith("STLV_ORDERS_", StringComparison.Ordinal) && e.Key.EndsWith("STREAM_ARN", StringComparison.Ordinal) && e.Value == app.Tables.Single().StreamArn);
        Assert.Empty(app.NotRunLocally);
    }

    [Fact]
    public void FunctionPropertiesNotRunLocally_AreListed()
    {
        var app = TemplateMaterializer.Materialize(TestApps.Synth(_ =>
        {
            var worker = new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" });
            worker.AddPropertyOverride("TracingConfig.Mode", "Active");
            worker.AddPropertyOverride("EphemeralStorage.Size", 1024);
            worker.AddPropertyOverride("Layers", new[] { "arn:aws:lambda:us-east-1:123456789012:layer:tools:1" });
            worker.AddRolePropertyOverride("PermissionsBoundary", "arn:aws:iam::123456789012:policy/boundary");
        }), engine, TestApps.StackName);

        Assert.Equal(
            new[]
            {
                "WorkerRole: PermissionsBoundary is accepted but not run locally (the permissions boundary is not evaluated locally; the role's own policies are).",
                "WorkerFunction: TracingConfig is accepted but not run locally (no X-Ray tracing locally).",
                "WorkerFunction: EphemeralStorage is accepted but not run locally (/tmp is this machine's temporary folder).",
                "WorkerFunction: Layers is accepted but not run locally (layers are not downloaded; the function runs with its own code only).",
            }.Order(StringComparer.Ordinal),
            app.NotRunLocally.Order(StringComparer.Ordinal));
        Assert.Single(app.Functions);
    }

    [Fact]
    public void Subscription_CarriesEveryOption()
    {
        var app = TemplateMaterializer.Materialize(TestApps.Synth(_ =>
        {
            var orders = new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id", Stream = "new-and-old-images" });
            orders.Subscribe("ship-orders", "functions/Orders::InventoryHandlers.UpdateStock", options: new()
            {
                StartingPosition = StartingPosition.TrimHorizon,
                BatchSize = 10,
                BatchingWindow = 5,
                Filters =
                {
                    StreamFilter.ForEvents(StreamEventName.Insert),
                    StreamFilter.Raw("""{"dynamodb": {"NewImage": {"total": {"N": [{"numeric": [">", 100]}]}}}}"""),
                },
                MaxRetryAttempts = 3,
                MaxRecordAge = TimeSpan.FromHours(1),
                BisectBatchOnError = true,
                ReportBatchItemFailures = true,
                ParallelizationFactor = 2,
                Enabled = false,
                OnFailure = FailureDestination.Queue("arn:aws:sqs:eu-west-1:123456789012:orders-dlq"),
            });
        }), engine, TestApps.StackName);

        var mapping = Assert.Single(app.EventSourceMappings);
        Assert.Equal("OrdersShipOrdersEventSourceMapping", mapping.LogicalId);
        Assert.Equal(PhysicalNames.Uuid(TestApps.StackName, mapping.LogicalId), mapping.Uuid);
        Assert.Equal("shop-test-orders-ship-orders", mapping.FunctionName);
        Assert.Equal(app.Tables.Single().StreamArn, mapping.EventSourceArn);
        Assert.Equal("TRIM_HORIZON", mapping.StartingPosition);
        Assert.Equal(10, mapping.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(5), mapping.MaximumBatchingWindow);
        Assert.Equal(
            ["""{"eventName":["INSERT"]}""", """{"dynamodb":{"NewImage":{"total":{"N":[{"numeric":[">",100]}]}}}}"""],
            mapping.FilterPatterns);
        Assert.Equal(3, mapping.MaximumRetryAttempts);
        Assert.Equal(TimeSpan.FromHours(1), mapping.MaximumRecordAge);
        Assert.True(mapping.BisectBatchOnFunctionError);
        Assert.True(mapping.ReportBatchItemFailures);
        Assert.Equal(2, mapping.ParallelizationFactor);
        Assert.False(mapping.Enabled);
        Assert.Equal("arn:aws:sqs:eu-west-1:123456789012:orders-dlq", mapping.OnFailureDestination);
        Assert.Equal(["OrdersShipOrdersEventSourceMapping: on-failure records are kept locally, not sent to arn:aws:sqs:eu-west-1:123456789012:orders-dlq."], app.NotRunLocally);
    }

    [Fact]
    public void RecordAgeOfMinusOne_IsNoLimit()
    {
        var app = TemplateMaterializer.Materialize(TestApps.Synth(_ =>
        {
            var orders = new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id", Stream = "keys-only" });
            orders.Subscribe("audit", "functions/Orders::OrderHandlers.ProcessChanges", options: new() { MaxRecordAge = -1, MaxRetryAttempts = -1 });
        }), engine, TestApps.StackName);

        var mapping = Assert.Single(app.EventSourceMappings);
        Assert.Null(mapping.MaximumRecordAge);
        Assert.Equal(-1, mapping.MaximumRetryAttempts);
    }
}
