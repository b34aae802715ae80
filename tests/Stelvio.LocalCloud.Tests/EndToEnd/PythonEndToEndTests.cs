using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Stelvio.Local;
using Stelvio.Testing;

namespace Stelvio.LocalCloud.Tests.EndToEnd;

/// <summary>Python handlers on the local cloud: the guide's <c>process_changes</c>, a write the function is not linked for, and a code swap while running.</summary>
public class PythonEndToEndTests
{
    [Fact]
    public async Task TheGuidesProcessChanges_PrintsEachKindOfChange()
    {
        await using var cloud = await Testing.LocalCloud.StartAsync("guide", "test", PythonApps.GuideOrders, new LocalCloudOptions { ProjectDirectory = PythonApps.Directory });
        using var db = cloud.CreateDynamoDBClient();
        var orders = cloud.TableName("orders");
        var key = new Dictionary<string, AttributeValue> { ["customer_id"] = new() { S = "c-1" }, ["order_date"] = new() { S = "2024-11-26" } };

        await db.PutItemAsync(orders, new Dictionary<string, AttributeValue>(key) { ["status"] = new() { S = "pending" } });
        await db.PutItemAsync(orders, new Dictionary<string, AttributeValue>(key) { ["status"] = new() { S = "shipped" } });
        await db.DeleteItemAsync(orders, key);
        await cloud.WhenIdleAsync();

        var lines = cloud.Invocations.SelectMany(i => i.Logs.Split('\n')).ToList();
        Assert.All(cloud.Invocations, i => Assert.Null(i.Error));
        Assert.Equal(3, cloud.Invocations.Sum(i => i.RecordCount));
        var inserted = Assert.Single(lines, l => l.StartsWith("New order: {", StringComparison.Ordinal));
        var updated = Assert.Single(lines, l => l.StartsWith("Order updated: {", StringComparison.Ordinal));
        var deleted = Assert.Single(lines, l => l.StartsWith("Order deleted: {", StringComparison.Ordinal));
        Assert.Contains("'status': {'S': 'pending'}", inserted, StringComparison.Ordinal);
        Assert.Matches("'status': \\{'S': 'pending'\\}.* -> .*'status': \\{'S': 'shipped'\\}", updated);
        Assert.Contains("'status': {'S': 'shipped'}", deleted, StringComparison.Ordinal);
        Assert.Contains("'customer_id': {'S': 'c-1'}", deleted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteToATableTheFunctionIsNotLinkedTo_IsDenied()
    {
        await using var cloud = await Testing.LocalCloud.StartAsync("iam", "test", PythonApps.Writer, new LocalCloudOptions { ProjectDirectory = PythonApps.Directory });
        var other = cloud.TableName("other");

        var invocation = await cloud.InvokeAsync("writer", $$"""{"id":"x-1","table":"{{other}}"}""");

        Assert.Null(invocation.Error);
        var result = JsonNode.Parse(invocation.Result)!;
        Assert.Equal("written", (string?)result["linked"]);
        Assert.Equal("AccessDeniedException", (string?)result["other"]);
        var denied = Assert.Single(cloud.DeniedCalls);
        Assert.Equal(cloud.FunctionName("writer"), denied.Function);
        Assert.Equal("dynamodb:PutItem", denied.Action);
        Assert.Equal($"arn:aws:dynamodb:us-east-1:000000000000:table/{other}", denied.Resource);
        Assert.Equal(denied.Message, (string?)result["message"]);
        Assert.Contains($"is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/{other} because no identity-based policy allows the dynamodb:PutItem action", denied.Message, StringComparison.Ordinal);
        using var db = cloud.CreateDynamoDBClient();
        Assert.True((await db.GetItemAsync(cloud.TableName("allowed"), new() { ["id"] = new() { S = "x-1" } })).IsItemSet);
        Assert.False((await db.GetItemAsync(other, new() { ["id"] = new() { S = "x-1" } })).IsItemSet);
    }

    [Fact]
    public async Task AChangedFunction_IsRebuiltAndSwappedWhileTheCloudRuns()
    {
        var project = Path.Combine(Path.GetTempPath(), "stelvio-redeploy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(project, "functions"));
        File.Copy(Path.Combine(PythonApps.Directory, "functions", "version.py"), Path.Combine(project, "functions", "version.py"));
        try
        {
            await using var cloud = await Testing.LocalCloud.StartAsync("swap", "test", PythonApps.Versioned, new LocalCloudOptions { ProjectDirectory = project });
            var before = await cloud.InvokeAsync("version", "{}");

            await File.WriteAllTextAsync(Path.Combine(project, "functions", "version.py"), "def handler(event, context):\n    return {\"version\": 2}\n");
            var rebuilt = await LocalBuild.RebuildAsync(cloud.Synth, Path.Combine(project, "functions"), null, CancellationToken.None);
            foreach (var (codeKey, code) in rebuilt)
            {
                await cloud.Host.ReplaceCodeAsync(codeKey, code, CancellationToken.None);
            }

            var after = await cloud.InvokeAsync("version", "{}");

            Assert.Equal(1, (int?)JsonNode.Parse(before.Result)!["version"]);
            Assert.Equal(2, (int?)JsonNode.Parse(after.Result)!["version"]);
            Assert.True(after.ColdStart, "the new code runs in a new process");
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }
}
