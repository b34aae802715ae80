using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Stelvio.DynamoDB.Local;

namespace Stelvio.LocalCloud.Tests.Template;

/// <summary>
/// Synthesizes apps with Stelvio for the template tests: declared in the example's project folder
/// (examples/Orders), so handlers such as <c>functions/Orders::OrderHandlers.ProcessChanges</c> exist.
/// </summary>
internal static class TestApps
{
    public const string App = "shop";
    public const string Stage = "test";
    public const string StackName = "shop-test";

    public static string OrdersDirectory { get; } = Path.Combine(RepoRoot(), "examples", "Orders");

    /// <summary>The template bytes <c>deploy</c> would send for the app <paramref name="declare"/> declares.</summary>
    public static byte[] Synth(Action<StelvioApp> declare) => StelvioApp.Declare(App, Stage, declare, OrdersDirectory).Synth().TemplateBytes;

    /// <summary>A template written by hand (for what Stelvio never emits).</summary>
    public static byte[] Template(JsonObject resources, JsonObject? sections = null)
    {
        var template = new JsonObject { ["AWSTemplateFormatVersion"] = "2010-09-09", ["Resources"] = resources };
        foreach (var (name, value) in sections ?? [])
        {
            template[name] = value?.DeepClone();
        }

        return Encoding.UTF8.GetBytes(template.ToJsonString());
    }

    /// <summary>Calls the engine and parses the response.</summary>
    public static JsonObject Call(DynamoEngine engine, string operation, JsonObject request) =>
        (JsonObject)JsonNode.Parse(engine.Invoke(operation, Encoding.UTF8.GetBytes(request.ToJsonString())))!;

    public static JsonObject Describe(DynamoEngine engine, string tableName) =>
        (JsonObject)Call(engine, "DescribeTable", new JsonObject { ["TableName"] = tableName })["Table"]!;

    private static string RepoRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
