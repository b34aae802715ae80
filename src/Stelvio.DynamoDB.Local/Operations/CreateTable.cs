using System.Globalization;
using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>CreateTable: key schema, attribute definitions, LSIs, GSIs, billing, streams, tags. The table is ACTIVE at once.</summary>
internal static class CreateTable
{
    private const string Invalid = SchemaJson.Invalid;

    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var definitionsJson = Wire.StructureList(request, "AttributeDefinitions");
        var definitions = new List<KeyValuePair<string, AttributeType>>();
        if (definitionsJson is not null)
        {
            for (var i = 0; i < definitionsJson.Count; i++)
            {
                var name = Wire.String(definitionsJson[i], "AttributeName");
                var type = Wire.String(definitionsJson[i], "AttributeType");
                constraints.NotNull(name, $"attributeDefinitions.{i + 1}.member.attributeName").Length(name, $"attributeDefinitions.{i + 1}.member.attributeName", 1, 255);
                constraints.NotNull(type, $"attributeDefinitions.{i + 1}.member.attributeType").Enum(type, $"attributeDefinitions.{i + 1}.member.attributeType", "S", "N", "B");
                if (name is not null && type is "S" or "N" or "B")
                {
                    definitions.Add(new(name, Enum.Parse<AttributeType>(type)));
                }
            }
        }
        var tableName = Wire.String(request, "TableName");
        var keySchema = SchemaJson.KeySchema(request, "KeySchema", constraints, "keySchema");
        var lsiJson = Wire.StructureList(request, "LocalSecondaryIndexes");
        var gsiJson = Wire.StructureList(request, "GlobalSecondaryIndexes");
        var billingMode = Wire.String(request, "BillingMode");
        var tableClass = Wire.String(request, "TableClass");
        var deletionProtection = Wire.Bool(request, "DeletionProtectionEnabled") ?? false;

        constraints.NotNull(definitionsJson, "attributeDefinitions");
        constraints.Name(tableName, "tableName");
        constraints.NotNull(keySchema, "keySchema");
        constraints.Count(keySchema, "keySchema", 1, 2);
        var lsis = new List<SchemaJson.IndexRequest>();
        for (var i = 0; lsiJson is not null && i < lsiJson.Count; i++)
        {
            lsis.Add(SchemaJson.Index(lsiJson[i], constraints, $"localSecondaryIndexes.{i + 1}.member", global: false));
        }
        var gsis = new List<SchemaJson.IndexRequest>();
        for (var i = 0; gsiJson is not null && i < gsiJson.Count; i++)
        {
            gsis.Add(SchemaJson.Index(gsiJson[i], constraints, $"globalSecondaryIndexes.{i + 1}.member", global: true));
        }
        constraints.Enum(billingMode, "billingMode", "PROVISIONED", "PAY_PER_REQUEST");
        var throughput = SchemaJson.Throughput(request, constraints, "provisionedThroughput");
        var tags = SchemaJson.Tags(request, constraints, "tags");
        constraints.ThrowIfAny();
        var (_, stream) = SchemaJson.Stream(request, constraints);

        CheckTableClass(tableClass);
        var payPerRequest = billingMode == "PAY_PER_REQUEST";
        if (payPerRequest)
        {
            if (throughput is not null)
            {
                throw DynamoDbException.Validation(Invalid + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
        }
        else
        {
            if (throughput is null)
            {
                throw DynamoDbException.Validation(Invalid + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            }
            CheckBounds(throughput);
        }

        var keys = keySchema!;
        if (keys.Count > definitions.Count)
        {
            throw DynamoDbException.Validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        SchemaJson.CheckKeySchema(keys, definitions);
        if (lsiJson is null && gsiJson is null && keys.Count != definitions.Count)
        {
            throw DynamoDbException.Validation(Invalid + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        var duplicate = DuplicateDefinition(definitions);
        if (duplicate is not null)
        {
            throw DynamoDbException.Validation($"Attribute Name is duplicated: {duplicate}");
        }

        var tableKey = SchemaJson.Key(keys, definitions);
        var arn = engine.Catalog.TableArn(tableName!);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal) { tableKey.HashName };
        if (tableKey.RangeName is not null)
        {
            used.Add(tableKey.RangeName);
        }
        var localIndexes = new List<IndexDefinition>();
        if (lsiJson is not null)
        {
            if (lsis.Count == 0)
            {
                throw DynamoDbException.Validation(Invalid + "List of LocalSecondaryIndexes is empty");
            }
            if (!tableKey.HasRange)
            {
                throw DynamoDbException.Validation(Invalid + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            foreach (var lsi in lsis)
            {
                SchemaJson.CheckKeySchema(lsi.KeySchema!, definitions);
                if (lsi.KeySchema!.Count != 2)
                {
                    throw DynamoDbException.Validation($"{Invalid}Index KeySchema does not have a range key for index: {lsi.IndexName}");
                }
                var indexHash = lsi.KeySchema[0].AttributeName;
                if (indexHash != tableKey.HashName)
                {
                    throw DynamoDbException.Validation($"{Invalid}Index KeySchema does not have the same leading hash key as table KeySchema for index: {lsi.IndexName}. index hash key: {indexHash}, table hash key: {tableKey.HashName}");
                }
                var projection = SchemaJson.ProjectionOf(lsi);
                if (!names.Add(lsi.IndexName!))
                {
                    throw DynamoDbException.Validation($"{Invalid}Duplicate index name: {lsi.IndexName}");
                }
                var key = SchemaJson.Key(lsi.KeySchema, definitions);
                used.Add(key.RangeName!);
                localIndexes.Add(new IndexDefinition(lsi.IndexName!, key, projection, lsi.NonKeyAttributes, false, arn + "/index/" + lsi.IndexName));
            }
            if (lsis.Count > 5)
            {
                throw DynamoDbException.Validation(Invalid + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
            }
        }
        var globalIndexes = new List<IndexDefinition>();
        if (gsiJson is not null)
        {
            if (gsis.Count == 0)
            {
                throw DynamoDbException.Validation(Invalid + "List of GlobalSecondaryIndexes is empty");
            }
            foreach (var gsi in gsis)
            {
                SchemaJson.CheckKeySchema(gsi.KeySchema!, definitions);
                var projection = SchemaJson.ProjectionOf(gsi);
                ProvisionedThroughput indexThroughput;
                if (payPerRequest)
                {
                    if (gsi.Throughput is not null)
                    {
                        throw DynamoDbException.Validation($"{Invalid}ProvisionedThroughput should not be specified for index: {gsi.IndexName} when BillingMode is PAY_PER_REQUEST");
                    }
                    indexThroughput = new ProvisionedThroughput(0, 0);
                }
                else
                {
                    if (gsi.Throughput is null)
                    {
                        throw DynamoDbException.Validation($"{Invalid}ProvisionedThroughput is not specified for index: {gsi.IndexName}");
                    }
                    CheckBounds(gsi.Throughput);
                    indexThroughput = new ProvisionedThroughput(gsi.Throughput.Read!.Value, gsi.Throughput.Write!.Value);
                }
                if (!names.Add(gsi.IndexName!))
                {
                    throw DynamoDbException.Validation($"{Invalid}Duplicate index name: {gsi.IndexName}");
                }
                var key = SchemaJson.Key(gsi.KeySchema!, definitions);
                used.Add(key.HashName);
                if (key.RangeName is not null)
                {
                    used.Add(key.RangeName);
                }
                globalIndexes.Add(new IndexDefinition(gsi.IndexName!, key, projection, gsi.NonKeyAttributes, true, arn + "/index/" + gsi.IndexName, indexThroughput));
            }
            if (gsis.Count > 20)
            {
                throw DynamoDbException.Validation(Invalid + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
            }
        }
        if (used.Count != definitions.Count)
        {
            throw DynamoDbException.Validation(
                $"{Invalid}Some AttributeDefinitions are not used. AttributeDefinitions: [{string.Join(", ", definitions.Select(d => d.Key))}], keys used: [{string.Join(", ", used)}]");
        }
        CheckProjectedAttributes(localIndexes, globalIndexes);

        var now = engine.Catalog.Clock.GetUtcNow();
        var definition = new TableDefinition
        {
            Name = tableName!,
            TableId = Guid.NewGuid().ToString(),
            Arn = arn,
            CreationDateTime = now,
            Key = tableKey,
            AttributeDefinitions = definitions,
            LocalIndexes = localIndexes,
            GlobalIndexes = globalIndexes,
            BillingMode = payPerRequest ? "PAY_PER_REQUEST" : "PROVISIONED",
            BillingModeLastUpdate = payPerRequest ? now : null,
            Throughput = throughput is null ? new ProvisionedThroughput(0, 0) : new ProvisionedThroughput(throughput.Read!.Value, throughput.Write!.Value),
            Stream = stream,
            LatestStreamLabel = stream is null ? null : StreamLabel(now),
            LatestStreamArn = stream is null ? null : $"{arn}/stream/{StreamLabel(now)}",
            TableClass = tableClass ?? "STANDARD",
            DeletionProtection = deletionProtection,
            Tags = tags ?? [],
        };
        var table = engine.Catalog.Create(definition);
        response.WriteStartObject();
        TableDescriptionJson.Write(response, "TableDescription", table);
        response.WriteEndObject();
    }

    /// <summary>A stream label as DynamoDB makes them: the creation time, ISO 8601 to the millisecond.</summary>
    public static string StreamLabel(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static void CheckTableClass(string? tableClass)
    {
        if (tableClass is not null and not "STANDARD" and not "STANDARD_INFREQUENT_ACCESS")
        {
            throw DynamoDbException.Validation("Invalid table-class parameter provided. Please try again with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
        }
    }

    public static void CheckBounds(SchemaJson.ThroughputRequest throughput)
    {
        if (throughput.Read > 1_000_000_000_000)
        {
            throw DynamoDbException.Validation($"Given value {throughput.Read} for ReadCapacityUnits is out of bounds");
        }
        if (throughput.Write > 1_000_000_000_000)
        {
            throw DynamoDbException.Validation($"Given value {throughput.Write} for WriteCapacityUnits is out of bounds");
        }
    }

    private static string? DuplicateDefinition(List<KeyValuePair<string, AttributeType>> definitions)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in definitions)
        {
            if (!seen.Add(pair.Key))
            {
                return pair.Key;
            }
        }
        return null;
    }

    private static void CheckProjectedAttributes(List<IndexDefinition> local, List<IndexDefinition> global)
    {
        var total = 0;
        foreach (var index in local.Concat(global))
        {
            total += index.NonKeyAttributes?.Count ?? 0;
        }
        if (total > 100)
        {
            throw DynamoDbException.Validation(Invalid + "The number of attributes in key schema and projection must not exceed 100 across all secondary indexes");
        }
    }
}
