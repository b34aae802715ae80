using Spectre.Console.Testing;
using Stelvio.Aws.DynamoDB;
using Stelvio.Cli;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Cli;

/// <summary><c>synth</c> through the real command line: the template file, the summary, and errors without stack traces.</summary>
public sealed class SynthCommandTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("stelvio-synth-").FullName;
    private readonly TestConsole console = new();

    public SynthCommandTests()
    {
        console.Profile.Width = 400;
    }

    public void Dispose()
    {
        console.Dispose();
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task Synth_WritesTheTemplateAndPrintsWhereItWentAndTheResources()
    {
        var definition = new AppDefinition("shop", DeclareOrders);

        var exit = await StelvioCli.RunAsync(["synth", "--stage", "x", "--output", output], definition, console);

        Assert.Equal(0, exit);
        var path = Path.Combine(output, "shop-x.template.json");
        Assert.True(File.Exists(path), console.Output);
        var expected = StelvioApp.Declare("shop", "x", DeclareOrders).Synth().TemplateBytes;
        var written = await File.ReadAllBytesAsync(path);
        Assert.Equal(expected, written);
        LintedTemplates.Save("SynthCommandTests.Synth", written);

        var text = console.Output;
        Assert.Contains("Warning: DynamoTable 'orders': field 'note' is not used by any key or index", text, StringComparison.Ordinal);
        Assert.Contains("DynamoTable 'orders'\n  AWS::DynamoDB::Table  OrdersTable\n", text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"Stack shop-x: 1 resources, 0 outputs, {written.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes.", text, StringComparison.Ordinal);
        Assert.Contains("Template written to " + path, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_InAn80ColumnTerminal_PrintsEachResourceOnOneLineUnderItsComponent()
    {
        console.Profile.Width = 80;
        var definition = new AppDefinition("shop", app =>
        {
            new DynamoTable("customer-order-history-archive", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
            new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
        });

        var exit = await StelvioCli.RunAsync(["synth", "--stage", "x", "--output", output], definition, console);

        Assert.Equal(0, exit);
        LintedTemplates.Save("SynthCommandTests.Synth80", await File.ReadAllBytesAsync(Path.Combine(output, "shop-x.template.json")));
        var lines = console.Output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var first = Array.IndexOf(lines, "DynamoTable 'customer-order-history-archive'");
        Assert.True(first >= 0, console.Output);
        Assert.Equal(
            ["DynamoTable 'customer-order-history-archive'", "  AWS::DynamoDB::Table  CustomerOrderHistoryArchiveTable", "DynamoTable 'orders'", "  AWS::DynamoDB::Table  OrdersTable"],
            lines[first..(first + 4)]);
    }

    [Fact]
    public async Task Synth_WithABadTable_PrintsTheErrorWithoutAStackTraceAndWritesNothing()
    {
        var definition = new AppDefinition("shop", app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
        }));

        var exit = await StelvioCli.RunAsync(["synth", "--stage", "x", "--output", output], definition, console);

        Assert.Equal(1, exit);
        Assert.Empty(Directory.GetFileSystemEntries(output));
        Assert.Equal(
            "Error:\n  - DynamoTable 'orders': SortKey: 'order_date' is not in Fields. Add [\"order_date\"] = \"string\" (or \"number\", \"binary\") to Fields, or use one of: customer_id.\n",
            console.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Synth_OfAnAppOverTheResourceQuota_IsRefusedNamingTheLimit()
    {
        var definition = new AppDefinition("shop", app =>
        {
            for (var i = 0; i < 501; i++)
            {
                new DynamoTable($"t{i}", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
            }
        });

        var exit = await StelvioCli.RunAsync(["synth", "--stage", "x", "--output", output], definition, console);

        Assert.Equal(1, exit);
        Assert.Empty(Directory.GetFileSystemEntries(output));
        Assert.Contains("Stack 'shop-x': has 501 resources; CloudFormation allows at most 500 in one stack.", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_WithABadStage_SaysToPassAnother()
    {
        var exit = await StelvioCli.RunAsync(["synth", "--stage", "my.stage", "--output", output], new AppDefinition("shop", DeclareOrders), console);

        Assert.Equal(1, exit);
        Assert.Contains("App: stage: the stage 'my.stage' may hold only letters, digits and '-'", console.Output, StringComparison.Ordinal);
        Assert.Contains("Pass another with --stage.", console.Output, StringComparison.Ordinal);
    }

    private static void DeclareOrders(StelvioApp app) => new DynamoTable("orders", new()
    {
        Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["note"] = "string" },
        PartitionKey = "customer_id",
        SortKey = "order_date",
        Stream = "new-image",
    });
}
