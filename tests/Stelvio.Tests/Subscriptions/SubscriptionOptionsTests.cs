using System.Text.Json.Nodes;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Testing;
using Stelvio.Tests.Fixtures;

namespace Stelvio.Tests.Subscriptions;

/// <summary>How a subscription feeds its function: the event source mapping's settings, beyond the guide's defaults.</summary>
public sealed class SubscriptionOptionsTests
{
    private const string Handler = "functions/Orders::OrderHandlers.ProcessChanges";

    [Fact]
    public void Options_ForProduction_AreWrittenToTheMapping()
    {
        var template = AppSynth.Template(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new()
        {
            StartingPosition = StartingPosition.TrimHorizon,
            BatchSize = 10_000,
            BatchingWindow = 300,
            MaxRetryAttempts = 3,
            MaxRecordAge = 3600,
            BisectBatchOnError = true,
            ReportBatchItemFailures = true,
            ParallelizationFactor = 10,
            Enabled = false,
        }));

        template.HasResourceProperties("AWS::Lambda::EventSourceMapping", Match.Exact(new
        {
            EventSourceArn = Cfn.GetAtt("OrdersTable", "StreamArn"),
            FunctionName = Cfn.Ref("OrdersShipFunction"),
            StartingPosition = "TRIM_HORIZON",
            BatchSize = 10_000,
            MaximumBatchingWindowInSeconds = 300,
            MaximumRetryAttempts = 3,
            MaximumRecordAgeInSeconds = 3600,
            BisectBatchOnFunctionError = true,
            FunctionResponseTypes = new[] { "ReportBatchItemFailures" },
            ParallelizationFactor = 10,
            Enabled = false,
            Tags = new[] { new { Key = "stelvio:app", Value = "shop" }, new { Key = "stelvio:stage", Value = "test" } },
        }));
    }

    [Fact]
    public void Options_WithInfiniteRetriesAndAge_WriteMinusOne()
    {
        var template = AppSynth.Template(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new() { MaxRetryAttempts = -1, MaxRecordAge = -1, BatchSize = 1 }));

        template.HasResourceProperties("AWS::Lambda::EventSourceMapping", new { MaximumRetryAttempts = -1, MaximumRecordAgeInSeconds = -1, BatchSize = 1, Enabled = Match.Absent() });
    }

    [Fact]
    public void Filters_TypedAndRaw_AreWrittenAsFilterCriteriaPatterns()
    {
        var template = AppSynth.Template(app => GuideTables.OrdersWithStream().Subscribe("paid", Handler, options: new()
        {
            Filters =
            {
                StreamFilter.ForEvents(StreamEventName.Insert),
                StreamFilter.ForEvents(StreamEventName.Modify).WhereNewImage("status", FieldType.String, "paid", "shipped"),
                StreamFilter.ForAllEvents().WhereKey("customer_id", FieldType.String, "c-1").WhereOldImage("total", FieldType.Number, "100"),
                StreamFilter.Raw("""{ "dynamodb": { "NewImage": { "total": { "N": [ { "numeric": [">", 100] } ] } } } }"""),
                StreamFilter.ForEvents(StreamEventName.Remove, StreamEventName.Remove),
            },
        }));

        template.HasResourceProperties("AWS::Lambda::EventSourceMapping", new
        {
            FilterCriteria = Match.Exact(new
            {
                Filters = new[]
                {
                    new { Pattern = """{"eventName":["INSERT"]}""" },
                    new { Pattern = """{"eventName":["MODIFY"],"dynamodb":{"NewImage":{"status":{"S":["paid","shipped"]}}}}""" },
                    new { Pattern = """{"dynamodb":{"Keys":{"customer_id":{"S":["c-1"]}},"OldImage":{"total":{"N":["100"]}}}}""" },
                    new { Pattern = """{"dynamodb":{"NewImage":{"total":{"N":[{"numeric":[">",100]}]}}}}""" },
                    new { Pattern = """{"eventName":["REMOVE"]}""" },
                },
            }),
        });
    }

    [Fact]
    public void StreamFilter_WhereMethods_ReturnNewFiltersAndLeaveTheOriginal()
    {
        var inserts = StreamFilter.ForEvents(StreamEventName.Insert);

        var paid = inserts.WhereNewImage("status", FieldType.String, "paid");

        Assert.Equal("""{"eventName":["INSERT"]}""", inserts.Pattern);
        Assert.Equal("""{"eventName":["INSERT"],"dynamodb":{"NewImage":{"status":{"S":["paid"]}}}}""", paid.Pattern);
        Assert.Equal("""{"dynamodb":{"Keys":{"blob":{"B":["AAE="]}}}}""", StreamFilter.ForAllEvents().WhereKey("blob", FieldType.Binary, "AAE=").Pattern);
    }

    [Theory]
    [InlineData("{\"eventName\": [", "StreamFilter: Raw: the pattern is not valid JSON (")]
    [InlineData("[\"INSERT\"]", "StreamFilter: Raw: the pattern must be a JSON object such as {\"eventName\": [\"INSERT\"]}, not [\"INSERT\"].")]
    public void StreamFilter_RawThatIsNotAJsonObject_IsRefused(string pattern, string message)
    {
        var error = Assert.Throws<StelvioConfigException>(() => StreamFilter.Raw(pattern));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamFilter_WithoutEventsOrValues_IsRefused()
    {
        Assert.Equal(
            "StreamFilter: ForEvents: names no event. Give INSERT, MODIFY and/or REMOVE (StreamEventName), or use ForAllEvents().",
            Assert.Throws<StelvioConfigException>(() => StreamFilter.ForEvents()).Message);
        Assert.Equal(
            "StreamFilter: WhereNewImage(\"status\"): gives no value to match. Give at least one.",
            Assert.Throws<StelvioConfigException>(() => StreamFilter.ForAllEvents().WhereNewImage("status", FieldType.String)).Message);
    }

    [Fact]
    public void OnFailure_ToAQueue_WritesTheDestinationAndGrantsSendMessage()
    {
        const string Queue = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq";
        var template = AppSynth.Template(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new() { OnFailure = FailureDestination.Queue(Queue) }));

        template.HasResourceProperties("AWS::Lambda::EventSourceMapping", new { DestinationConfig = Match.Exact(new { OnFailure = new { Destination = Queue } }) });
        var statements = Cfn.Statements(template, "OrdersShipPolicy");
        Assert.Equal(3, statements.Count);
        Assert.True(JsonNode.DeepEquals(Cfn.Statement(["sqs:SendMessage"], Cfn.Text(Queue)), statements[2]));
    }

    [Fact]
    public void OnFailure_ToATopicGivenAsDeferredValue_GrantsPublish()
    {
        var template = AppSynth.Template(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new()
        {
            OnFailure = FailureDestination.Topic(Deferred.Format($"arn:aws:sns:{new Stelvio.CloudFormation.RefExpression("AWS::Region")}:123456789012:alerts")),
        }));

        var destination = Cfn.Sub("arn:aws:sns:${AWS::Region}:123456789012:alerts");
        template.HasResourceProperties("AWS::Lambda::EventSourceMapping", new { DestinationConfig = new { OnFailure = new { Destination = destination } } });
        Assert.True(JsonNode.DeepEquals(Cfn.Statement(["sns:Publish"], destination), Cfn.Statements(template, "OrdersShipPolicy")[2]));
    }

    [Theory]
    [InlineData(0, "BatchSize", "0 is out of range; a DynamoDB stream subscription takes batches of 1 to 10,000 records.")]
    [InlineData(10_001, "BatchSize", "10001 is out of range; a DynamoDB stream subscription takes batches of 1 to 10,000 records.")]
    public void Options_WithBatchSizeOutOfRange_AreRefused(int batchSize, string property, string message)
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new() { BatchSize = batchSize }));

        Assert.Equal($"DynamoTable 'orders': Subscribe(\"ship\").options.{property}: {message}", error.Message);
    }

    [Fact]
    public void Options_OutOfRange_AreAllReportedTogether()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new()
        {
            BatchingWindow = 301,
            MaxRetryAttempts = -2,
            MaxRecordAge = 59,
            ParallelizationFactor = 11,
            OnFailure = FailureDestination.Queue("orders-dlq"),
        }));

        Assert.Equal(
            [
                "DynamoTable 'orders': Subscribe(\"ship\").options.BatchingWindow: 301 is out of range; the batching window is 0 to 300 seconds.",
                "DynamoTable 'orders': Subscribe(\"ship\").options.MaxRetryAttempts: -2 is out of range; use -1 (retry until the records expire) or 0 to 10,000.",
                "DynamoTable 'orders': Subscribe(\"ship\").options.MaxRecordAge: 59 is out of range; use -1 (no limit) or 60 to 604,800 seconds (7 days).",
                "DynamoTable 'orders': Subscribe(\"ship\").options.ParallelizationFactor: 11 is out of range; use 1 to 10 batches per shard.",
                "DynamoTable 'orders': Subscribe(\"ship\").options.OnFailure: 'orders-dlq' is not an ARN. Give the queue's or topic's ARN (arn:aws:sqs:…, arn:aws:sns:…), or its deferred Arn.",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void OnFailure_WithAnArnOfTheOtherService_IsRefused()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new()
        {
            OnFailure = FailureDestination.Queue("arn:aws:sns:eu-west-1:123456789012:alerts"),
        }));

        Assert.Equal(
            "DynamoTable 'orders': Subscribe(\"ship\").options.OnFailure: 'arn:aws:sns:eu-west-1:123456789012:alerts' is a sns ARN, but the destination was declared as a queue (FailureDestination.Queue).",
            error.Message);
    }

    [Fact]
    public void Filters_MoreThanFive_EmptyOrRepeated_AreRefused()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new()
        {
            Filters =
            {
                StreamFilter.ForEvents(StreamEventName.Insert),
                StreamFilter.ForEvents(StreamEventName.Insert),
                StreamFilter.ForAllEvents(),
                StreamFilter.ForEvents(StreamEventName.Modify),
                StreamFilter.ForEvents(StreamEventName.Remove),
                StreamFilter.ForEvents(StreamEventName.Modify, StreamEventName.Remove),
            },
        }));

        Assert.Equal(
            [
                "DynamoTable 'orders': Subscribe(\"ship\").options.Filters: 6 filters are given; a subscription takes at most 5. Combine conditions into fewer patterns.",
                "DynamoTable 'orders': Subscribe(\"ship\").options.Filters[2]: has no condition, so it would let every record through. Add one (ForEvents, WhereNewImage, …) or remove the filter.",
                "DynamoTable 'orders': Subscribe(\"ship\").options.Filters: the pattern {\"eventName\":[\"INSERT\"]} is given twice. Give each filter once.",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Filters_HoldingNull_AreRefused()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new() { Filters = { null! } }));

        Assert.Equal("DynamoTable 'orders': Subscribe(\"ship\").options.Filters: holds null. List StreamFilter objects.", error.Message);
    }

    [Fact]
    public void Filter_LongerThanLambdaAccepts_IsRefused()
    {
        var values = Enumerable.Range(0, 500).Select(i => $"status-{i:D3}").ToArray();
        var filter = StreamFilter.ForAllEvents().WhereNewImage("status", FieldType.String, values);

        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new() { Filters = { filter } }));

        Assert.Equal($"DynamoTable 'orders': Subscribe(\"ship\").options.Filters[0]: the pattern has {filter.Pattern.Length} characters; Lambda accepts at most 4096.", error.Message);
    }

    [Fact]
    public void Filter_OnAnImageTheStreamDoesNotRecord_IsWarnedAbout()
    {
        var template = AppSynth.Template(app =>
        {
            var orders = new DynamoTable("orders", new() { Fields = { ["customer_id"] = "string" }, PartitionKey = "customer_id", Stream = "keys-only" });
            orders.Subscribe("ship", Handler, options: new()
            {
                Filters =
                {
                    StreamFilter.ForAllEvents().WhereKey("customer_id", FieldType.String, "c-1"),
                    StreamFilter.Raw("""{"dynamodb":{"OldImage":{"status":{"S":["paid"]}}}}"""),
                },
            });
        });

        var warning = Assert.Single(template.Warnings);
        Assert.Equal(
            "DynamoTable 'orders': Subscribe(\"ship\").options.Filters[1] matches on OldImage, but the table's stream (KEYS_ONLY) records no old images, so the filter never matches. Set Stream = \"new-and-old-images\", or filter on Keys.",
            warning.ToString());
    }

    [Fact]
    public void Filter_OnImagesTheStreamRecords_RaisesNoWarning()
    {
        var template = AppSynth.Template(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new()
        {
            Filters = { StreamFilter.ForAllEvents().WhereNewImage("status", FieldType.String, "paid").WhereOldImage("status", FieldType.String, "new") },
        }));

        Assert.Empty(template.Warnings);
    }

    [Fact]
    public void Durations_AsTimeSpans_AreWrittenInSeconds()
    {
        var template = AppSynth.Template(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new()
        {
            BatchingWindow = TimeSpan.FromSeconds(5),
            MaxRecordAge = TimeSpan.FromDays(7),
        }));

        template.HasResourceProperties("AWS::Lambda::EventSourceMapping", new { MaximumBatchingWindowInSeconds = 5, MaximumRecordAgeInSeconds = 604_800 });
    }

    [Fact]
    public void MaxRecordAge_Infinite_WritesMinusOne()
    {
        var template = AppSynth.Template(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new() { MaxRecordAge = Timeout.InfiniteTimeSpan }));

        template.HasResourceProperties("AWS::Lambda::EventSourceMapping", new { MaximumRecordAgeInSeconds = -1 });
    }

    [Fact]
    public void Durations_WithFractionsOrOutOfRange_AreRefusedNamingTheOption()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("ship", Handler, options: new()
        {
            BatchingWindow = TimeSpan.FromMilliseconds(2500),
            MaxRecordAge = TimeSpan.FromDays(8),
        }));

        Assert.Equal(
            [
                "DynamoTable 'orders': Subscribe(\"ship\").options.BatchingWindow: 00:00:02.5000000 is not a whole number of seconds; AWS takes this setting in whole seconds. Round it (TimeSpan.FromSeconds(n)) or give the seconds as a number.",
                "DynamoTable 'orders': Subscribe(\"ship\").options.MaxRecordAge: 691200 is out of range; use -1 (no limit) or 60 to 604,800 seconds (7 days).",
            ],
            error.Errors.Select(e => e.ToString()));
    }
}
