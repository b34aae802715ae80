using System.Text.Json;
using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Protocol;

/// <summary>Writes a TableDescription (CreateTable, DescribeTable, UpdateTable, DeleteTable) as DynamoDB does.</summary>
internal static class TableDescriptionJson
{
    public static void Write(Utf8JsonWriter writer, string property, Table table, string status = "ACTIVE")
    {
        var d = table.Definition;
        writer.WriteStartObject(property);
        writer.WriteStartArray("AttributeDefinitions"u8);
        foreach (var (name, type) in d.AttributeDefinitions)
        {
            writer.WriteStartObject();
            writer.WriteString("AttributeName"u8, name);
            writer.WriteString("AttributeType"u8, type.ToString());
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("TableName"u8, d.Name);
        WriteKeySchema(writer, d.Key);
        writer.WriteString("TableStatus"u8, status);
        WriteTime(writer, "CreationDateTime", d.CreationDateTime);
        WriteThroughput(writer, d.Throughput);
        writer.WriteNumber("TableSizeBytes"u8, table.SizeBytes);
        writer.WriteNumber("ItemCount"u8, table.ItemCount);
        writer.WriteString("TableArn"u8, d.Arn);
        writer.WriteString("TableId"u8, d.TableId);
        if (d.BillingMode == "PAY_PER_REQUEST" || d.BillingModeLastUpdate is not null)
        {
            writer.WriteStartObject("BillingModeSummary"u8);
            writer.WriteString("BillingMode"u8, d.BillingMode);
            WriteTime(writer, "LastUpdateToPayPerRequestDateTime", d.BillingModeLastUpdate ?? d.CreationDateTime);
            writer.WriteEndObject();
        }
        if (d.LocalIndexes.Count > 0)
        {
            writer.WriteStartArray("LocalSecondaryIndexes"u8);
            foreach (var index in d.LocalIndexes)
            {
                WriteIndex(writer, table, index);
            }
            writer.WriteEndArray();
        }
        if (d.GlobalIndexes.Count > 0)
        {
            writer.WriteStartArray("GlobalSecondaryIndexes"u8);
            foreach (var index in d.GlobalIndexes)
            {
                WriteIndex(writer, table, index);
            }
            writer.WriteEndArray();
        }
        if (d.Stream is not null)
        {
            writer.WriteStartObject("StreamSpecification"u8);
            writer.WriteBoolean("StreamEnabled"u8, true);
            writer.WriteString("StreamViewType"u8, d.Stream.ViewType);
            writer.WriteEndObject();
        }
        if (d.LatestStreamLabel is not null)
        {
            writer.WriteString("LatestStreamLabel"u8, d.LatestStreamLabel);
            writer.WriteString("LatestStreamArn"u8, d.LatestStreamArn);
        }
        if (d.TableClass != "STANDARD")
        {
            writer.WriteStartObject("TableClassSummary"u8);
            writer.WriteString("TableClass"u8, d.TableClass);
            writer.WriteEndObject();
        }
        writer.WriteBoolean("DeletionProtectionEnabled"u8, d.DeletionProtection);
        writer.WriteEndObject();
    }

    private static void WriteIndex(Utf8JsonWriter writer, Table table, IndexDefinition index)
    {
        writer.WriteStartObject();
        writer.WriteString("IndexName"u8, index.Name);
        WriteKeySchema(writer, index.Key);
        writer.WriteStartObject("Projection"u8);
        writer.WriteString("ProjectionType"u8, index.Projection.ToString());
        if (index.NonKeyAttributes is { Count: > 0 } nonKey)
        {
            writer.WriteStartArray("NonKeyAttributes"u8);
            foreach (var name in nonKey)
            {
                writer.WriteStringValue(name);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        if (index.IsGlobal)
        {
            writer.WriteString("IndexStatus"u8, index.Status);
            if (index.Backfilling)
            {
                writer.WriteBoolean("Backfilling"u8, true);
            }
            WriteThroughput(writer, index.Throughput ?? new ProvisionedThroughput(0, 0));
        }
        var (count, size) = table.IndexStatistics(index.Name);
        writer.WriteNumber("IndexSizeBytes"u8, size);
        writer.WriteNumber("ItemCount"u8, count);
        writer.WriteString("IndexArn"u8, index.Arn);
        writer.WriteEndObject();
    }

    public static void WriteKeySchema(Utf8JsonWriter writer, KeyDefinition key)
    {
        writer.WriteStartArray("KeySchema"u8);
        writer.WriteStartObject();
        writer.WriteString("AttributeName"u8, key.HashName);
        writer.WriteString("KeyType"u8, "HASH"u8);
        writer.WriteEndObject();
        if (key.RangeName is not null)
        {
            writer.WriteStartObject();
            writer.WriteString("AttributeName"u8, key.RangeName);
            writer.WriteString("KeyType"u8, "RANGE"u8);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteThroughput(Utf8JsonWriter writer, ProvisionedThroughput throughput)
    {
        writer.WriteStartObject("ProvisionedThroughput"u8);
        if (throughput.LastIncreaseDateTime is { } increase)
        {
            WriteTime(writer, "LastIncreaseDateTime", increase);
        }
        if (throughput.LastDecreaseDateTime is { } decrease)
        {
            WriteTime(writer, "LastDecreaseDateTime", decrease);
        }
        writer.WriteNumber("NumberOfDecreasesToday"u8, throughput.NumberOfDecreasesToday);
        writer.WriteNumber("ReadCapacityUnits"u8, throughput.ReadCapacityUnits);
        writer.WriteNumber("WriteCapacityUnits"u8, throughput.WriteCapacityUnits);
        writer.WriteEndObject();
    }

    /// <summary>A timestamp as AWS JSON 1.0 writes it: epoch seconds with milliseconds.</summary>
    public static void WriteTime(Utf8JsonWriter writer, string property, DateTimeOffset time) =>
        writer.WriteNumber(property, Math.Round(time.ToUnixTimeMilliseconds() / 1000m, 3));
}
