using System.Buffers;
using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Protocol;

namespace Stelvio.DynamoDB.Local.PartiQL;

/// <summary>ExecuteStatement, BatchExecuteStatement and ExecuteTransaction: PartiQL run through the item operations.</summary>
internal static class PartiQLOperations
{
    public static void Register(OperationRegistry registry)
    {
        registry.Add(OperationRegistry.DynamoDB, "ExecuteStatement", ExecuteStatement);
        registry.Add(OperationRegistry.DynamoDB, "BatchExecuteStatement", BatchExecuteStatement);
        registry.Add(OperationRegistry.DynamoDB, "ExecuteTransaction", ExecuteTransaction);
    }

    private static void ExecuteStatement(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var text = RequiredString(request, "Statement", "statement");
        var nextToken = request.TryGetProperty("NextToken", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
        int? limit = request.TryGetProperty("Limit", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : null;
        if (limit is < 1)
        {
            throw DynamoDbException.Validation($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        var statement = PartiQLParser.Parse(text, Parameters(request));
        using var result = Run(engine, statement, nextToken, limit);
        response.WriteStartObject();
        WriteItems(response, statement, result.RootElement);
        if (result.RootElement.TryGetProperty("LastEvaluatedKey", out var last))
        {
            response.WriteString("NextToken", PartiQLTranslator.EncodeToken(last.GetRawText()));
        }
        response.WriteEndObject();
    }

    private static void BatchExecuteStatement(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        if (!request.TryGetProperty("Statements", out var statements) || statements.ValueKind != JsonValueKind.Array)
        {
            throw DynamoDbException.Validation("1 validation error detected: Value null at 'statements' failed to satisfy constraint: Member must not be null");
        }
        var count = statements.GetArrayLength();
        if (count is < 1 or > 25)
        {
            throw DynamoDbException.Validation($"1 validation error detected: Value '{count}' at 'statements' failed to satisfy constraint: Member must have length {(count < 1 ? "greater than or equal to 1" : "less than or equal to 25")}");
        }
        response.WriteStartObject();
        response.WriteStartArray("Responses");
        foreach (var entry in statements.EnumerateArray())
        {
            response.WriteStartObject();
            try
            {
                var statement = PartiQLParser.Parse(RequiredString(entry, "Statement", "statement"), Parameters(entry));
                response.WriteString("TableName", statement.Table);
                if (statement is SelectStatement select)
                {
                    var table = Table(engine, select.Table);
                    if (PartiQLTranslator.SplitKey(select.Where, table.Key).Key is null)
                    {
                        throw DynamoDbException.Validation("Select statements within BatchExecuteStatement must specify the full primary key");
                    }
                }
                using var result = Run(engine, statement, null, null);
                if (statement is SelectStatement && result.RootElement.TryGetProperty("Items", out var items) && items.GetArrayLength() > 0)
                {
                    response.WritePropertyName("Item");
                    items[0].WriteTo(response);
                }
            }
            catch (DynamoDbException error)
            {
                response.WriteStartObject("Error");
                response.WriteString("Code", BatchCode(error.Type));
                response.WriteString("Message", error.Message);
                response.WriteEndObject();
            }
            response.WriteEndObject();
        }
        response.WriteEndArray();
        response.WriteEndObject();
    }

    private static void ExecuteTransaction(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        if (!request.TryGetProperty("TransactStatements", out var statements) || statements.ValueKind != JsonValueKind.Array)
        {
            throw DynamoDbException.Validation("1 validation error detected: Value null at 'transactStatements' failed to satisfy constraint: Member must not be null");
        }
        var parsed = statements.EnumerateArray().Select(s => PartiQLParser.Parse(RequiredString(s, "Statement", "statement"), Parameters(s))).ToList();
        var reads = parsed.Count(s => s is SelectStatement);
        if (reads > 0 && reads < parsed.Count)
        {
            throw DynamoDbException.Validation("Transaction cannot contain both read and write statements.");
        }
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("TransactItems");
            foreach (var statement in parsed)
            {
                var table = Table(engine, statement.Table);
                var (operation, body) = PartiQLTranslator.Translate(statement, table, null, null);
                using var document = JsonDocument.Parse(body);
                writer.WriteStartObject();
                writer.WriteStartObject(operation switch
                {
                    "PutItem" => "Put",
                    "UpdateItem" => "Update",
                    "DeleteItem" => "Delete",
                    _ => "Get",
                });
                if (statement is SelectStatement select)
                {
                    var key = PartiQLTranslator.SplitKey(select.Where, table.Key).Key
                        ?? throw DynamoDbException.Validation("Select statements within a transaction must specify the full primary key");
                    writer.WriteString("TableName", table.Name);
                    writer.WriteStartObject("Key");
                    foreach (var (name, value) in key)
                    {
                        writer.WritePropertyName(name);
                        writer.WriteRawValue(value);
                    }
                    writer.WriteEndObject();
                }
                else
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (property.Name != "ReturnValues")
                        {
                            property.WriteTo(writer);
                        }
                    }
                }
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            if (request.TryGetProperty("ClientRequestToken", out var clientToken))
            {
                writer.WritePropertyName("ClientRequestToken");
                clientToken.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        using var result = Call(engine, reads > 0 ? "TransactGetItems" : "TransactWriteItems", buffer.WrittenSpan.ToArray());
        response.WriteStartObject();
        if (reads > 0)
        {
            response.WriteStartArray("Responses");
            foreach (var item in result.RootElement.GetProperty("Responses").EnumerateArray())
            {
                item.WriteTo(response);
            }
            response.WriteEndArray();
        }
        response.WriteEndObject();
    }

    private static JsonDocument Run(DynamoEngine engine, Statement statement, string? nextToken, int? limit)
    {
        var table = Table(engine, statement.Table);
        var (operation, body) = PartiQLTranslator.Translate(statement, table, nextToken, limit);
        try
        {
            return Call(engine, operation, body);
        }
        catch (ConditionalCheckFailedException) when (statement is InsertStatement)
        {
            throw new DynamoDbException("DuplicateItemException", "Duplicate primary key exists in table");
        }
    }

    private static Storage.TableDefinition Table(DynamoEngine engine, string name) =>
        engine.Catalog.Find(name)?.Definition ?? throw DynamoDbException.ResourceNotFound();

    private static void WriteItems(Utf8JsonWriter response, Statement statement, JsonElement result)
    {
        response.WriteStartArray("Items");
        if (statement is SelectStatement && result.TryGetProperty("Items", out var items))
        {
            foreach (var item in items.EnumerateArray())
            {
                item.WriteTo(response);
            }
        }
        else if (result.TryGetProperty("Attributes", out var attributes))
        {
            attributes.WriteTo(response);
        }
        response.WriteEndArray();
    }

    /// <summary>Runs a registered operation on a request of its own (not the caller's thread-static writer).</summary>
    private static JsonDocument Call(DynamoEngine engine, string operation, byte[] body)
    {
        if (!engine.Operations.TryGet(OperationRegistry.DynamoDB + "." + operation, out var handler))
        {
            throw new InvalidOperationException($"{operation} is not registered.");
        }
        using var request = JsonDocument.Parse(body);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            handler(engine, request.RootElement, writer);
        }
        return buffer.WrittenCount == 0 ? JsonDocument.Parse("{}") : JsonDocument.Parse(buffer.WrittenMemory);
    }

    private static string RequiredString(JsonElement request, string member, string wireName) =>
        request.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw DynamoDbException.Validation($"1 validation error detected: Value null at '{wireName}' failed to satisfy constraint: Member must not be null");

    private static List<string> Parameters(JsonElement request) =>
        request.TryGetProperty("Parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array
            ? parameters.EnumerateArray().Select(p => p.GetRawText()).ToList()
            : [];

    private static string BatchCode(string type) => type switch
    {
        "ConditionalCheckFailedException" => "ConditionalCheckFailed",
        "DuplicateItemException" => "DuplicateItem",
        "ResourceNotFoundException" => "ResourceNotFound",
        "TransactionConflictException" => "TransactionConflict",
        "ValidationException" => "ValidationError",
        _ => "InternalServerError",
    };
}
