using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// UpdateTable: throughput and billing mode, GSI create (backfilled at once) / update / delete, the stream
/// specification (a new stream label each time it is enabled), table class and deletion protection.
/// </summary>
internal static class UpdateTable
{
    private const string Invalid = SchemaJson.Invalid;

    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        var definitionsJson = Wire.StructureList(request, "AttributeDefinitions");
        var added = new List<KeyValuePair<string, AttributeType>>();
        for (var i = 0; definitionsJson is not null && i < definitionsJson.Count; i++)
        {
            var name = Wire.String(definitionsJson[i], "AttributeName");
            var type = Wire.String(definitionsJson[i], "AttributeType");
            constraints.NotNull(name, $"attributeDefinitions.{i + 1}.member.attributeName");
            constraints.NotNull(type, $"attributeDefinitions.{i + 1}.member.attributeType").Enum(type, $"attributeDefinitions.{i + 1}.member.attributeType", "S", "N", "B");
            if (name is not null && type is "S" or "N" or "B")
            {
                added.Add(new(name, Enum.Parse<AttributeType>(type)));
            }
        }
        var billingMode = Wire.String(request, "BillingMode");
        constraints.Enum(billingMode, "billingMode", "PROVISIONED", "PAY_PER_REQUEST");
        var throughput = SchemaJson.Throughput(request, constraints, "provisionedThroughput");
        var updatesJson = Wire.StructureList(request, "GlobalSecondaryIndexUpdates");
        var updates = new List<(string Kind, JsonElement Json, SchemaJson.IndexRequest? Create, string? Name, SchemaJson.ThroughputRequest? Throughput)>();
        for (var i = 0; updatesJson is not null && i < updatesJson.Count; i++)
        {
            var path = $"globalSecondaryIndexUpdates.{i + 1}.member";
            var create = Wire.Structure(updatesJson[i], "Create");
            var update = Wire.Structure(updatesJson[i], "Update");
            var delete = Wire.Structure(updatesJson[i], "Delete");
            var count = (create is null ? 0 : 1) + (update is null ? 0 : 1) + (delete is null ? 0 : 1);
            if (count == 0)
            {
                throw DynamoDbException.Validation(Invalid + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (count > 1)
            {
                throw DynamoDbException.Validation(Invalid + "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
            }
            if (create is { } c)
            {
                var index = SchemaJson.Index(c, constraints, path + ".create", global: true);
                updates.Add(("Create", c, index, index.IndexName, index.Throughput));
            }
            else if (update is { } u)
            {
                var name = Wire.String(u, "IndexName");
                constraints.Name(name, path + ".update.indexName");
                updates.Add(("Update", u, null, name, SchemaJson.Throughput(u, constraints, path + ".update.provisionedThroughput")));
            }
            else
            {
                var name = Wire.String(delete!.Value, "IndexName");
                constraints.Name(name, path + ".delete.indexName");
                updates.Add(("Delete", delete.Value, null, name, null));
            }
        }
        var tableClass = Wire.String(request, "TableClass");
        var deletionProtection = Wire.Bool(request, "DeletionProtectionEnabled");
        constraints.ThrowIfAny();
        var (streamPresent, stream) = SchemaJson.Stream(request, constraints, creating: false);
        CreateTable.CheckTableClass(tableClass);
        if (throughput is null && billingMode is null && !streamPresent && updatesJson is null && tableClass is null && deletionProtection is null
            && Wire.Structure(request, "SSESpecification") is null && Wire.List(request, "ReplicaUpdates") is null)
        {
            throw DynamoDbException.Validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required");
        }
        if (updatesJson is { Count: 0 })
        {
            throw DynamoDbException.Validation(Invalid + "List of GlobalSecondaryIndexUpdates is empty");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var update in updates)
        {
            if (!names.Add(update.Name!))
            {
                throw DynamoDbException.Validation($"{Invalid}Only one global secondary index update per index is allowed simultaneously. Index: {update.Name}");
            }
        }
        if (throughput is not null)
        {
            CreateTable.CheckBounds(throughput);
        }
        if (streamPresent && updates.Any(u => u.Kind != "Update"))
        {
            throw DynamoDbException.Validation(Invalid + "You cannot create or delete index while changing stream status");
        }

        var table = engine.Catalog.Find(tableName!)
            ?? throw DynamoDbException.ResourceNotFound($"Requested resource not found: Table: {tableName} not found");
        var now = engine.Catalog.Clock.GetUtcNow();
        engine.Catalog.Update(table, d =>
        {
            var next = d;
            var mode = billingMode ?? d.BillingMode;
            if (mode == "PAY_PER_REQUEST" && throughput is not null)
            {
                throw DynamoDbException.Validation(Invalid + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            if (billingMode == "PROVISIONED" && d.BillingMode == "PAY_PER_REQUEST" && throughput is null)
            {
                throw DynamoDbException.Validation(Invalid + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
            }
            if (billingMode is not null && billingMode != d.BillingMode)
            {
                next = next with
                {
                    BillingMode = billingMode,
                    BillingModeLastUpdate = now,
                    Throughput = billingMode == "PAY_PER_REQUEST" ? new ProvisionedThroughput(0, 0) : next.Throughput,
                };
            }
            if (throughput is not null)
            {
                var current = d.Throughput;
                if (current.ReadCapacityUnits == throughput.Read && current.WriteCapacityUnits == throughput.Write)
                {
                    throw DynamoDbException.Validation(
                        $"The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: {current.ReadCapacityUnits}. Requested ReadCapacityUnits: {throughput.Read}. Current WriteCapacityUnits provisioned for the table: {current.WriteCapacityUnits}. Requested WriteCapacityUnits: {throughput.Write}. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
                }
                next = next with { Throughput = Changed(current, throughput.Read!.Value, throughput.Write!.Value, now) };
            }
            if (streamPresent)
            {
                if (stream is not null && d.Stream is not null)
                {
                    throw DynamoDbException.Validation($"Table already has an enabled stream: TableName: {d.Name}");
                }
                if (stream is null && d.Stream is null)
                {
                    throw DynamoDbException.Validation($"Table has no stream to disable: TableName: {d.Name}");
                }
                // A new stream's label (and so its ARN) differs from the previous stream's, even within one millisecond.
                var label = CreateTable.StreamLabel(now);
                if (d.LatestStreamLabel is { } previous && string.CompareOrdinal(label, previous) <= 0)
                {
                    label = CreateTable.StreamLabel(Streams.TableStream.ParseLabel(previous).AddMilliseconds(1));
                }
                next = stream is null
                    ? next with { Stream = null }
                    : next with { Stream = stream, LatestStreamLabel = label, LatestStreamArn = $"{d.Arn}/stream/{label}" };
            }
            if (updates.Count > 0)
            {
                next = ApplyIndexUpdates(next, updates, added, mode, now);
            }
            if (tableClass is not null)
            {
                next = next with { TableClass = tableClass };
            }
            if (deletionProtection is not null)
            {
                next = next with { DeletionProtection = deletionProtection.Value };
            }
            return next;
        });
        response.WriteStartObject();
        TableDescriptionJson.Write(response, "TableDescription", table);
        response.WriteEndObject();
    }

    private static ProvisionedThroughput Changed(ProvisionedThroughput current, long read, long write, DateTimeOffset now)
    {
        var increase = read > current.ReadCapacityUnits || write > current.WriteCapacityUnits;
        var decrease = read < current.ReadCapacityUnits || write < current.WriteCapacityUnits;
        return new ProvisionedThroughput(
            read,
            write,
            increase ? now : current.LastIncreaseDateTime,
            decrease ? now : current.LastDecreaseDateTime,
            current.NumberOfDecreasesToday + (decrease ? 1 : 0));
    }

    private static TableDefinition ApplyIndexUpdates(
        TableDefinition d,
        List<(string Kind, JsonElement Json, SchemaJson.IndexRequest? Create, string? Name, SchemaJson.ThroughputRequest? Throughput)> updates,
        List<KeyValuePair<string, AttributeType>> added,
        string billingMode,
        DateTimeOffset now)
    {
        var globals = new List<IndexDefinition>(d.GlobalIndexes);
        var definitions = new List<KeyValuePair<string, AttributeType>>(d.AttributeDefinitions);
        foreach (var pair in added)
        {
            var existing = definitions.FindIndex(p => p.Key == pair.Key);
            if (existing < 0)
            {
                definitions.Add(pair);
            }
            else if (definitions[existing].Value != pair.Value)
            {
                throw DynamoDbException.Validation($"{Invalid}Cannot change the type of an existing attribute definition: {pair.Key}");
            }
        }
        foreach (var (kind, _, create, name, throughput) in updates)
        {
            var position = globals.FindIndex(i => i.Name == name);
            switch (kind)
            {
                case "Create":
                    if (position >= 0 || d.LocalIndexes.Any(i => i.Name == name))
                    {
                        throw DynamoDbException.Validation("Attempting to create an index which already exists");
                    }
                    if (added.Count == 0)
                    {
                        throw DynamoDbException.Validation($"{Invalid}AttributeDefinitions is not specified for index: {name}");
                    }
                    SchemaJson.CheckKeySchema(create!.KeySchema!, definitions);
                    var projection = SchemaJson.ProjectionOf(create);
                    ProvisionedThroughput indexThroughput;
                    if (billingMode == "PAY_PER_REQUEST")
                    {
                        if (throughput is not null)
                        {
                            throw DynamoDbException.Validation($"{Invalid}Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: {name} when BillingMode is PAY_PER_REQUEST");
                        }
                        indexThroughput = new ProvisionedThroughput(0, 0);
                    }
                    else
                    {
                        if (throughput is null)
                        {
                            throw DynamoDbException.Validation($"{Invalid}ProvisionedThroughput must be specified for index: {name}");
                        }
                        indexThroughput = new ProvisionedThroughput(throughput.Read!.Value, throughput.Write!.Value);
                    }
                    if (globals.Count >= 20)
                    {
                        throw new DynamoDbException("LimitExceededException", "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
                    }
                    globals.Add(new IndexDefinition(name!, SchemaJson.Key(create.KeySchema!, definitions), projection, create.NonKeyAttributes, true, d.Arn + "/index/" + name, indexThroughput));
                    break;
                case "Update":
                    if (position < 0)
                    {
                        throw d.LocalIndexes.Any(i => i.Name == name)
                            ? DynamoDbException.Validation($"Cannot update an index that is not a GlobalSecondaryIndex: {name}")
                            : DynamoDbException.ResourceNotFound($"Requested resource not found: Index: {name} not found");
                    }
                    if (throughput is not null)
                    {
                        if (billingMode == "PAY_PER_REQUEST")
                        {
                            throw DynamoDbException.Validation($"{Invalid}Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: {name} when BillingMode is PAY_PER_REQUEST");
                        }
                        var current = globals[position].Throughput ?? new ProvisionedThroughput(0, 0);
                        globals[position] = globals[position] with { Throughput = Changed(current, throughput.Read!.Value, throughput.Write!.Value, now) };
                    }
                    break;
                default:
                    if (position < 0)
                    {
                        throw d.LocalIndexes.Any(i => i.Name == name)
                            ? DynamoDbException.Validation($"Cannot delete an index that is not a GlobalSecondaryIndex: {name}")
                            : DynamoDbException.ResourceNotFound($"Requested resource not found: Index: {name} not found");
                    }
                    globals.RemoveAt(position);
                    break;
            }
        }
        return d with { GlobalIndexes = globals, AttributeDefinitions = KeepUsed(d, definitions, globals) };
    }

    /// <summary>Attribute definitions are kept only for attributes some key still uses.</summary>
    private static List<KeyValuePair<string, AttributeType>> KeepUsed(TableDefinition d, List<KeyValuePair<string, AttributeType>> definitions, List<IndexDefinition> globals)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { d.Key.HashName };
        if (d.Key.RangeName is not null)
        {
            used.Add(d.Key.RangeName);
        }
        foreach (var index in d.LocalIndexes.Concat(globals))
        {
            used.Add(index.Key.HashName);
            if (index.Key.RangeName is not null)
            {
                used.Add(index.Key.RangeName);
            }
        }
        return definitions.FindAll(p => used.Contains(p.Key));
    }
}
