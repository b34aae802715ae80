using System.Text.Json;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>DescribeLimits (the default account and table quotas) and DescribeEndpoints (this endpoint, cached 1440 minutes).</summary>
internal static class ServiceInfo
{
    public static void DescribeLimits(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        response.WriteStartObject();
        response.WriteNumber("AccountMaxReadCapacityUnits"u8, 80000);
        response.WriteNumber("AccountMaxWriteCapacityUnits"u8, 80000);
        response.WriteNumber("TableMaxReadCapacityUnits"u8, 40000);
        response.WriteNumber("TableMaxWriteCapacityUnits"u8, 40000);
        response.WriteEndObject();
    }

    public static void DescribeEndpoints(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        response.WriteStartObject();
        response.WriteStartArray("Endpoints"u8);
        response.WriteStartObject();
        response.WriteString("Address"u8, $"dynamodb.{engine.Region}.amazonaws.com");
        response.WriteNumber("CachePeriodInMinutes"u8, 1440);
        response.WriteEndObject();
        response.WriteEndArray();
        response.WriteEndObject();
    }
}
