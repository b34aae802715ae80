using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>Reads the schema parts of CreateTable and UpdateTable: key schemas, projections, throughput, streams.</summary>
internal static class SchemaJson
{
    public const string Invalid = "One or more parameter values were invalid: ";

    public sealed record KeyElement(string? AttributeName, string? KeyType);

    public sealed record IndexRequest(string? IndexName, List<KeyElement>? KeySchema, JsonElement? Projection, string? ProjectionType, List<string>? NonKeyAttributes, ThroughputRequest? Throughput);

    public sealed record ThroughputRequest(long? Read, long? Write);

    public static List<KeyElement>? KeySchema(JsonElement obj, string member, Constraints constraints, string path)
    {
        var list = Wire.StructureList(obj, member);
        if (list is null)
        {
            return null;
        }
        var result = new List<KeyElement>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var element = new KeyElement(Wire.String(list[i], "AttributeName"), Wire.String(list[i], "KeyType"));
            constraints.NotNull(element.AttributeName, $"{path}.{i + 1}.member.attributeName");
            constraints.Length(element.AttributeName, $"{path}.{i + 1}.member.attributeName", 1, 255);
            constraints.NotNull(element.KeyType, $"{path}.{i + 1}.member.keyType");
            constraints.Enum(element.KeyType, $"{path}.{i + 1}.member.keyType", "HASH", "RANGE");
            result.Add(element);
        }
        return result;
    }

    public static ThroughputRequest? Throughput(JsonElement obj, Constraints constraints, string path)
    {
        if (Wire.Structure(obj, "ProvisionedThroughput") is not { } pt)
        {
            return null;
        }
        var read = Wire.Long(pt, "ReadCapacityUnits", WireShape.Long);
        var write = Wire.Long(pt, "WriteCapacityUnits", WireShape.Long);
        constraints.NotNull(read, path + ".readCapacityUnits").AtLeast(read, path + ".readCapacityUnits", 1);
        constraints.NotNull(write, path + ".writeCapacityUnits").AtLeast(write, path + ".writeCapacityUnits", 1);
        return new ThroughputRequest(read, write);
    }

    public static IndexRequest Index(JsonElement obj, Constraints constraints, string path, bool global)
    {
        var name = Wire.String(obj, "IndexName");
        constraints.Name(name, path + ".indexName");
        var keys = KeySchema(obj, "KeySchema", constraints, path + ".keySchema");
        constraints.NotNull(keys, path + ".keySchema");
        constraints.Count(keys, path + ".keySchema", 1, 2);
        var projection = Wire.Structure(obj, "Projection");
        constraints.NotNull(projection, path + ".projection");
        string? projectionType = null;
        List<string>? nonKey = null;
        if (projection is { } p)
        {
            projectionType = Wire.String(p, "ProjectionType");
            constraints.Enum(projectionType, path + ".projection.projectionType", "ALL", "KEYS_ONLY", "INCLUDE");
            nonKey = Wire.StringList(p, "NonKeyAttributes");
            constraints.Count(nonKey, path + ".projection.nonKeyAttributes", 1, 20, () => "[" + string.Join(", ", nonKey!) + "]");
        }
        var throughput = global ? Throughput(obj, constraints, path + ".provisionedThroughput") : null;
        return new IndexRequest(name, keys, projection, projectionType, nonKey, throughput);
    }

    /// <summary>Builds a key from a validated key schema and the attribute definitions.</summary>
    public static KeyDefinition Key(List<KeyElement> schema, IReadOnlyList<KeyValuePair<string, AttributeType>> definitions)
    {
        var hash = schema[0].AttributeName!;
        var range = schema.Count > 1 ? schema[1].AttributeName : null;
        return new KeyDefinition(hash, TypeOf(hash, definitions), range, range is null ? AttributeType.S : TypeOf(range, definitions));
    }

    private static AttributeType TypeOf(string name, IReadOnlyList<KeyValuePair<string, AttributeType>> definitions)
    {
        foreach (var pair in definitions)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }
        throw DynamoDbException.Validation(Invalid + "Some index key attributes are not defined in AttributeDefinitions.");
    }

    /// <summary>The checks DynamoDB applies to a (table or index) key schema, with its messages.</summary>
    public static void CheckKeySchema(List<KeyElement> keys, IReadOnlyList<KeyValuePair<string, AttributeType>> definitions)
    {
        foreach (var key in keys)
        {
            if (!Defined(key.AttributeName!, definitions))
            {
                throw DynamoDbException.Validation(
                    $"{Invalid}Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", keys.Select(k => k.AttributeName))}], AttributeDefinitions: [{string.Join(", ", definitions.Select(d => d.Key))}]");
            }
        }
        if (keys.Count > 1 && keys[0].AttributeName == keys[1].AttributeName)
        {
            throw DynamoDbException.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (keys[0].KeyType != "HASH")
        {
            throw DynamoDbException.Validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (keys.Count > 1 && keys[1].KeyType != "RANGE")
        {
            throw DynamoDbException.Validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
    }

    private static bool Defined(string name, IReadOnlyList<KeyValuePair<string, AttributeType>> definitions)
    {
        foreach (var pair in definitions)
        {
            if (pair.Key == name)
            {
                return true;
            }
        }
        return false;
    }

    public static ProjectionType ProjectionOf(IndexRequest index)
    {
        if (index.ProjectionType is null)
        {
            throw DynamoDbException.Validation(Invalid + "Unknown ProjectionType: null");
        }
        var type = Enum.Parse<ProjectionType>(index.ProjectionType);
        if (index.NonKeyAttributes is not null && type != ProjectionType.INCLUDE)
        {
            throw DynamoDbException.Validation($"{Invalid}ProjectionType is {index.ProjectionType}, but NonKeyAttributes is specified");
        }
        if (index.NonKeyAttributes is null && type == ProjectionType.INCLUDE)
        {
            throw DynamoDbException.Validation($"{Invalid}ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        if (index.NonKeyAttributes is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in index.NonKeyAttributes)
            {
                if (!seen.Add(name))
                {
                    throw DynamoDbException.Validation($"{Invalid}Duplicate element in NonKeyAttributes: {name}");
                }
            }
        }
        return type;
    }

    /// <summary>Reads a StreamSpecification; returns (present, settings or null when disabled).</summary>
    public static (bool Present, StreamSettings? Settings) Stream(JsonElement obj, Constraints constraints, bool creating = true)
    {
        if (Wire.Structure(obj, "StreamSpecification") is not { } spec)
        {
            return (false, null);
        }
        var enabled = Wire.Bool(spec, "StreamEnabled");
        var viewType = Wire.String(spec, "StreamViewType");
        constraints.NotNull(enabled, "streamSpecification.streamEnabled");
        constraints.Enum(viewType, "streamSpecification.streamViewType", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
        constraints.ThrowIfAny();
        if (enabled == true)
        {
            if (viewType is null)
            {
                throw DynamoDbException.Validation(Invalid + (creating
                    ? "Table is being created with a stream enabled, UpdateViewType is required"
                    : "If stream is being enabled then UpdateViewType is required"));
            }
            return (true, new StreamSettings(viewType));
        }
        if (viewType is not null)
        {
            throw DynamoDbException.Validation(Invalid + (creating
                ? "Table is being created with a stream disabled, UpdateViewType should not be specified"
                : "If stream is being disabled, then UpdateViewType must not be specified"));
        }
        return (true, null);
    }

    public static List<KeyValuePair<string, string>>? Tags(JsonElement obj, Constraints constraints, string path)
    {
        var list = Wire.StructureList(obj, "Tags");
        if (list is null)
        {
            return null;
        }
        var tags = new List<KeyValuePair<string, string>>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var key = Wire.String(list[i], "Key");
            var value = Wire.String(list[i], "Value");
            constraints.NotNull(key, $"{path}.{i + 1}.member.key").Length(key, $"{path}.{i + 1}.member.key", 1, 128);
            constraints.NotNull(value, $"{path}.{i + 1}.member.value").Length(value, $"{path}.{i + 1}.member.value", 0, 256);
            tags.Add(new(key ?? "", value ?? ""));
        }
        return tags;
    }
}
