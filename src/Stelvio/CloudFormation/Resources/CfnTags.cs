using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation.Resources;

internal static class CfnTags
{
    /// <summary>The <c>[{"Key": …, "Value": …}]</c> list most resource types take.</summary>
    public static JsonArray List(IReadOnlyList<KeyValuePair<string, string>> tags) =>
        new([.. tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]);
}
