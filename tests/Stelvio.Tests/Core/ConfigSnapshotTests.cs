using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Links;
using Stelvio.Tests.Fixtures;

namespace Stelvio.Tests.Core;

/// <summary>
/// A component keeps its own copy of the configuration it checked at declaration: changing the caller's
/// object (or the copy <c>Config</c> returns) afterwards changes nothing, and <c>with</c> copies of a
/// function's configuration do not share their lists and dictionaries.
/// </summary>
public sealed class ConfigSnapshotTests
{
    private const string Handler = "functions/Orders::OrderHandlers.ProcessChanges";

    [Fact]
    public void TableConfig_ChangedAfterDeclaring_ChangesNothing()
    {
        static void Declare(bool mutate)
        {
            var config = new DynamoTableConfig
            {
                Fields = { ["id"] = "string" },
                PartitionKey = "id",
                Tags = { ["team"] = "orders" },
                PropertyOverrides = { ["TableClass"] = "STANDARD" },
            };
            var table = new DynamoTable("orders", config);
            if (mutate)
            {
                config.Fields["id"] = "number";
                config.Fields["extra"] = "string";
                config.Tags["team"] = "someone-else";
                config.Tags["added"] = "later";
                config.PropertyOverrides["TableClass"] = "STANDARD_INFREQUENT_ACCESS";
                table.Config.Tags["through-the-component"] = "x";
                table.Config.Fields["id"] = "binary";
            }
        }

        var untouched = AppSynth.Result(_ => Declare(mutate: false));
        var mutated = AppSynth.Result(_ => Declare(mutate: true));

        Assert.Equal(untouched.TemplateJson, mutated.TemplateJson);
        Assert.Contains("\"team\"", untouched.TemplateJson, StringComparison.Ordinal);
    }

    [Fact]
    public void TableConfig_ReturnedByTheTable_HoldsWhatWasDeclared()
    {
        DynamoTableConfig? seen = null;
        AppSynth.Result(_ =>
        {
            var config = new DynamoTableConfig { Fields = { ["id"] = "string" }, PartitionKey = "id", Tags = { ["team"] = "orders" } };
            var table = new DynamoTable("orders", config);
            config.Tags["team"] = "changed";
            seen = table.Config;
        });

        Assert.Equal("orders", seen!.Tags["team"]);
        Assert.Equal("id", seen.PartitionKey);
    }

    [Fact]
    public void FunctionConfig_ChangedAfterDeclaring_ChangesNothing()
    {
        static void Declare(bool mutate)
        {
            var users = GuideTables.Users();
            var other = new DynamoTable("other", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
            var config = new FunctionConfig
            {
                Handler = Handler,
                Links = [users],
                Environment = { ["LOG_LEVEL"] = "info" },
                Tags = { ["team"] = "orders" },
            };
            var function = new Function("process", config);
            if (mutate)
            {
                config.Links.Add(other);
                config.Environment["LOG_LEVEL"] = "debug";
                config.Environment["ADDED"] = "later";
                config.Tags["team"] = "someone-else";
                function.Config.Tags["through-the-component"] = "x";
                function.Config.Links.Clear();
            }
        }

        var untouched = AppSynth.Result(_ => Declare(mutate: false));
        var mutated = AppSynth.Result(_ => Declare(mutate: true));

        Assert.Equal(untouched.TemplateJson, mutated.TemplateJson);
    }

    [Fact]
    public void SubscriptionOptions_ChangedAfterSubscribing_ChangeNothing()
    {
        static void Declare(bool mutate)
        {
            var options = new SubscriptionOptions { Filters = { StreamFilter.ForEvents(StreamEventName.Insert) } };
            GuideTables.OrdersWithStream().Subscribe("audit", Handler, options: options);
            if (mutate)
            {
                options.Filters.Add(StreamFilter.ForEvents(StreamEventName.Remove));
            }
        }

        var untouched = AppSynth.Result(_ => Declare(mutate: false));
        var mutated = AppSynth.Result(_ => Declare(mutate: true));

        Assert.Equal(untouched.TemplateJson, mutated.TemplateJson);
    }

    [Fact]
    public void With_CopiesTheListsAndDictionaries()
    {
        var original = new FunctionConfig { Handler = Handler, Environment = { ["A"] = "1" }, Tags = { ["team"] = "orders" } };

        var copy = original with { Memory = 256 };
        copy.Environment["B"] = "2";
        copy.Tags["team"] = "changed";
        copy.Links.Add(new Link("extra", new Dictionary<string, LinkValue>(), []));

        Assert.Equal(["A"], original.Environment.Keys);
        Assert.Equal("orders", original.Tags["team"]);
        Assert.Empty(original.Links);
        Assert.Equal((Handler, 256), (copy.Handler, copy.Memory));
        Assert.NotSame(original.Environment, copy.Environment);
        Assert.Equal(StringComparer.Ordinal, copy.Environment.Comparer);
    }
}
