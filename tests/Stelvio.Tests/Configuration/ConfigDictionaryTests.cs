using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Configuration;
using Stelvio.Tests.Fixtures;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Configuration;

/// <summary>
/// The one reader of the guide's dictionary syntax: every component reads keys by the same rule and reports the same
/// messages. (Indexes and functions used to disagree: <c>nativeAOT</c> gave <c>native_a_o_t</c> in one, <c>native_aot</c> in the other.)
/// </summary>
public sealed class ConfigDictionaryTests
{
    private const string Handler = "functions/Orders::OrderHandlers.ProcessChanges";

    [Theory]
    [InlineData("native_aot", "native_aot")]
    [InlineData("nativeAot", "native_aot")]
    [InlineData("nativeAOT", "native_aot")]
    [InlineData("NativeAot", "native_aot")]
    [InlineData("NativeAOT", "native_aot")]
    [InlineData("NATIVE_AOT", "native_aot")]
    [InlineData("native-aot", "native_aot")]
    [InlineData("sortKey", "sort_key")]
    [InlineData("sortKEY", "sort_key")]
    [InlineData("SORT_KEY", "sort_key")]
    [InlineData("sort__key_", "sort_key")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("s3Bucket", "s3_bucket")]
    [InlineData("memory", "memory")]
    public void Key_AnyCaseStyle_GivesOneSnakeCaseName(string key, string expected) =>
        Assert.Equal(expected, ConfigDictionary.Key(key));

    [Fact]
    public void AcronymInCapitals_IsReadTheSameByFunctionsAndIndexes()
    {
        var template = AppSynth.Template(app =>
        {
            new DynamoTable("orders", new()
            {
                Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string" },
                PartitionKey = "customer_id",
                SortKey = "order_date",
                LocalIndexes = { ["status-index"] = new Dictionary<string, object?> { ["sortKEY"] = "status" } },
                GlobalIndexes = { ["by-status"] = new Dictionary<string, object?> { ["PARTITION_KEY"] = "status" } },
            });
            new Function("worker", new Dictionary<string, object?> { ["handler"] = "functions/Aot::Handlers.Handle", ["nativeAOT"] = false });
        });

        Assert.Equal("status", template.Resource("OrdersTable")["Properties"]!["LocalSecondaryIndexes"]![0]!["KeySchema"]![1]!["AttributeName"]!.GetValue<string>());
        Assert.False(Assert.Single(template.Result!.Assets).NativeAot);
    }

    [Fact]
    public void UnknownKeysAndRepeatedSettings_AreReportedInTheSameWords_ByFunctionsAndIndexes()
    {
        var function = AppSynth.Error(app => new Function("worker", new Dictionary<string, object?>
        {
            ["handler"] = Handler,
            ["sort_key"] = "x",
            ["nativeAOT"] = true,
            ["native_aot"] = true,
        }));
        var index = AppSynth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes = { ["status-index"] = new Dictionary<string, object?> { ["native_aot"] = true, ["sortKEY"] = "status", ["sort_key"] = "status" } },
        }));

        Assert.Equal(
            [
                "Function 'worker': [\"sort_key\"]: 'sort_key' is not a setting of a function. Use: handler, runtime, memory, timeout, architecture, native_aot, links, environment, description, tags.",
                "Function 'worker': [\"native_aot\"]: sets native_aot again (also given as 'nativeAOT'). Give each setting once.",
            ],
            function.Errors.Select(e => e.ToString()));
        Assert.Equal(
            [
                "DynamoTable 'orders': LocalIndexes[\"status-index\"][\"native_aot\"]: 'native_aot' is not a setting of a local index. Use: sort_key, projections.",
                "DynamoTable 'orders': LocalIndexes[\"status-index\"][\"sort_key\"]: sets sort_key again (also given as 'sortKEY'). Give each setting once.",
            ],
            index.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void WholeNumbers_OfAnyIntegerType_AreReadAlike_AndOthersAreRefusedInTheSameWords()
    {
        var error = AppSynth.Error(app =>
        {
            new DynamoTable("orders", new()
            {
                Fields = { ["customer_id"] = "string", ["status"] = "string" },
                PartitionKey = "customer_id",
                Billing = BillingMode.Provisioned,
                ReadCapacity = 1,
                WriteCapacity = 1,
                GlobalIndexes = { ["by-status"] = new Dictionary<string, object?> { ["partition_key"] = "status", ["read_capacity"] = 2.5, ["write_capacity"] = (byte)1 } },
            });
        });
        var function = AppSynth.Error(app => new Function("worker", new Dictionary<string, object?> { ["handler"] = Handler, ["memory"] = 2.5, ["timeout"] = (short)30 }));

        Errors.Single(error, "DynamoTable 'orders'", "GlobalIndexes[\"by-status\"][\"read_capacity\"]", "must be a whole number, not 2.5 (Double).");
        Errors.Single(function, "Function 'worker'", "[\"memory\"]", "must be a whole number of MB, not 2.5 (Double).");
    }
}
