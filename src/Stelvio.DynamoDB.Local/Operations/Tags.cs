using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>TagResource, UntagResource and ListTagsOfResource on a table ARN (the first two answer with an empty body, as AWS).</summary>
internal static class Tags
{
    public const int MaxTags = 50;

    public static void Tag(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var arn = Wire.String(request, "ResourceArn");
        var tags = SchemaJson.Tags(request, constraints, "tags");
        constraints.NotNull(tags, "tags");
        constraints.ThrowIfAny();
        var table = Find(engine, arn);
        if (tags!.Count == 0)
        {
            throw DynamoDbException.Validation("Atleast one Tag needs to be provided as Input.");
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (tag.Key.StartsWith("aws:", StringComparison.Ordinal))
            {
                throw DynamoDbException.Validation($"Tag Key cannot be prefixed with aws:, Key: {tag.Key}");
            }
            if (!keys.Add(tag.Key))
            {
                throw DynamoDbException.Validation($"Duplicate Tag Keys provided as input: Duplicate Tag Key found {tag.Key}");
            }
        }
        engine.Catalog.Update(table, d =>
        {
            var merged = new List<KeyValuePair<string, string>>(d.Tags);
            foreach (var tag in tags!)
            {
                merged.RemoveAll(t => t.Key == tag.Key);
                merged.Add(tag);
            }
            if (merged.Count > MaxTags)
            {
                throw DynamoDbException.Validation("Number of Tags exceed the current limit for the provided ResourceArn");
            }
            return d with { Tags = merged };
        });
    }

    public static void Untag(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var arn = Wire.String(request, "ResourceArn");
        var keys = Wire.StringList(request, "TagKeys");
        constraints.NotNull(keys, "tagKeys");
        constraints.ThrowIfAny();
        var table = Find(engine, arn);
        if (keys!.Count == 0)
        {
            throw DynamoDbException.Validation("Atleast one Tag Key needs to be provided as Input.");
        }
        engine.Catalog.Update(table, d =>
        {
            var remaining = new List<KeyValuePair<string, string>>(d.Tags);
            var removed = remaining.RemoveAll(t => keys!.Contains(t.Key));
            return removed == 0 ? d : d with { Tags = remaining };
        });
    }

    public static void List(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var arn = Wire.String(request, "ResourceArn");
        _ = Wire.String(request, "NextToken");
        var table = Find(engine, arn);
        response.WriteStartObject();
        response.WriteStartArray("Tags"u8);
        foreach (var (key, value) in table.Definition.Tags)
        {
            response.WriteStartObject();
            response.WriteString("Key"u8, key);
            response.WriteString("Value"u8, value);
            response.WriteEndObject();
        }
        response.WriteEndArray();
        response.WriteEndObject();
    }

    private static Table Find(DynamoEngine engine, string? arn)
    {
        if (arn is null)
        {
            throw DynamoDbException.Validation("Invalid TableArn");
        }
        var prefix = $"arn:aws:dynamodb:{engine.Region}:{engine.AccountId}:table/";
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw DynamoDbException.Validation($"One or more parameter values were invalid: ARNs must start with 'arn:': {arn}");
        }
        if (!arn.StartsWith($"arn:aws:dynamodb:{engine.Region}:", StringComparison.Ordinal))
        {
            throw DynamoDbException.Validation($"Invalid TableArn: Invalid ResourceArn provided as input {arn}");
        }
        var name = arn.StartsWith(prefix, StringComparison.Ordinal) ? arn[prefix.Length..] : null;
        if (name is null || name.Contains('/', StringComparison.Ordinal) || engine.Catalog.Find(name) is not { } table)
        {
            throw DynamoDbException.ResourceNotFound($"Requested resource not found: ResourcArn: {arn} not found");
        }
        return table;
    }
}
