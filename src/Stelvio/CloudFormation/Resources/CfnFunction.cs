using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation.Resources;

/// <summary>The properties of <c>AWS::Lambda::Function</c> that Stelvio writes, in template order.</summary>
internal sealed record CfnFunction
{
    public const string Type = "AWS::Lambda::Function";

    public required string FunctionName { get; init; }

    public string? Description { get; init; }

    /// <summary><c>provided.al2023</c> for C#, <c>python3.x</c> for Python.</summary>
    public required string Runtime { get; init; }

    /// <summary>What the runtime calls: <c>Type.Method</c> for C# (read by Stelvio.Lambda from <c>_HANDLER</c>), <c>module.function</c> for Python.</summary>
    public required string Handler { get; init; }

    /// <summary>The bucket holding the code zip.</summary>
    public required JsonNode CodeS3Bucket { get; init; }

    /// <summary>The zip's key in <see cref="CodeS3Bucket"/>.</summary>
    public required string CodeS3Key { get; init; }

    /// <summary>The execution role's ARN.</summary>
    public required JsonNode Role { get; init; }

    public required int MemorySize { get; init; }

    public required int Timeout { get; init; }

    /// <summary><c>x86_64</c> or <c>arm64</c>.</summary>
    public required string Architecture { get; init; }

    /// <summary>Environment variables, written in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode>> Environment { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    public JsonObject Render()
    {
        var properties = new JsonObject { ["FunctionName"] = FunctionName };
        if (Description is not null)
        {
            properties["Description"] = Description;
        }

        properties["Runtime"] = Runtime;
        properties["Handler"] = Handler;
        properties["Code"] = new JsonObject { ["S3Bucket"] = CodeS3Bucket.DeepClone(), ["S3Key"] = CodeS3Key };
        properties["Role"] = Role.DeepClone();
        properties["MemorySize"] = MemorySize;
        properties["Timeout"] = Timeout;
        properties["Architectures"] = new JsonArray(Architecture);
        if (Environment.Count > 0)
        {
            properties["Environment"] = new JsonObject
            {
                ["Variables"] = new JsonObject(Environment.Select(e => new KeyValuePair<string, JsonNode?>(e.Key, e.Value.DeepClone()))),
            };
        }

        if (Tags.Count > 0)
        {
            properties["Tags"] = CfnTags.List(Tags);
        }

        return properties;
    }
}
