using System.Text;
using System.Text.Json.Nodes;
using Stelvio.DynamoDB.Local;
using Stelvio.DynamoDB.Local.Errors;

namespace Stelvio.LocalCloud.Template;

/// <summary>Calls the engine in-process with a JSON request; an error it raises names the table's logical ID.</summary>
internal static class EngineCalls
{
    public static JsonObject Invoke(DynamoEngine engine, string operation, JsonObject request, string logicalId, string tableName)
    {
        try
        {
            return (JsonObject)JsonNode.Parse(engine.Invoke(operation, Encoding.UTF8.GetBytes(request.ToJsonString())))!;
        }
        catch (DynamoDbException error)
        {
            throw new LocalTemplateException(logicalId, "Properties",
                $"the local DynamoDB engine refused {operation} for table '{tableName}': {error.Type}: {error.Message}", error);
        }
    }

    /// <summary>DescribeTable's <c>Table</c>, or null when the engine has no such table.</summary>
    public static JsonObject? Describe(DynamoEngine engine, string tableName)
    {
        try
        {
            var response = JsonNode.Parse(engine.Invoke("DescribeTable", Encoding.UTF8.GetBytes(new JsonObject { ["TableName"] = tableName }.ToJsonString())))!;
            return (JsonObject)response["Table"]!;
        }
        catch (DynamoDbException error) when (error.Type == "ResourceNotFoundException")
        {
            return null;
        }
    }
}
