using System.Buffers;
using System.Text.Json;
using Stelvio.DynamoDB.Local.PartiQL;
using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.LocalCloud.Iam.Requests;

/// <summary>
/// What a DynamoDB or DynamoDB Streams request needs, in AWS's authorization model: the action is the operation's
/// (<c>dynamodb:Query</c>) on the table ARN, or the index ARN (<c>table/T/index/I</c>) for a Query or Scan with
/// <c>IndexName</c>; BatchGetItem and BatchWriteItem need their action on every table; a transaction needs, per item,
/// the action of the underlying operation (Put → <c>dynamodb:PutItem</c>, ConditionCheck →
/// <c>dynamodb:ConditionCheckItem</c>, Get → <c>dynamodb:GetItem</c>) with <c>dynamodb:EnclosingOperation</c>; PartiQL
/// needs <c>dynamodb:PartiQLSelect/Insert/Update/Delete</c> on the table (or the index a SELECT reads); ListTables and
/// ListStreams <c>*</c>; DescribeStream, GetShardIterator and GetRecords the stream ARN (GetRecords' from its shard
/// iterator). Item operations, batches, transactions and Query on a table also carry their partition key values
/// (<c>dynamodb:LeadingKeys</c>); a Query on an index carries them as unknown.
/// </summary>
internal static class DynamoAccess
{
    public const string DynamoPrefix = "DynamoDB_20120810.";
    public const string StreamsPrefix = "DynamoDBStreams_20120810.";

    /// <summary>
    /// The accesses <paramref name="target"/> (the <c>X-Amz-Target</c> header) with <paramref name="body"/> needs. Empty when
    /// the request is malformed in a way the engine rejects anyway (not JSON, no table, an undecodable shard iterator):
    /// the engine then answers with DynamoDB's own validation error.
    /// </summary>
    /// <param name="target">The <c>X-Amz-Target</c> header.</param>
    /// <param name="body">The request body.</param>
    /// <param name="region">The local region (ARNs).</param>
    /// <param name="accountId">The local account (ARNs).</param>
    /// <param name="partitionKeyOf">A table's partition key attribute by table name; null (or a null answer) leaves the leading keys unknown.</param>
    public static IReadOnlyList<RequestedAccess> For(string target, ReadOnlySequence<byte> body, string region, string accountId, Func<string, string?>? partitionKeyOf = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return [];
        }
        using (document)
        {
            var request = document.RootElement;
            if (request.ValueKind != JsonValueKind.Object)
            {
                return [];
            }
            var arns = new Arns(region, accountId, partitionKeyOf);
            if (target.StartsWith(StreamsPrefix, StringComparison.Ordinal))
            {
                return Streams(target[StreamsPrefix.Length..], request);
            }
            return target.StartsWith(DynamoPrefix, StringComparison.Ordinal) ? Dynamo(target[DynamoPrefix.Length..], request, arns) : [];
        }
    }

    private static List<RequestedAccess> Dynamo(string operation, JsonElement request, Arns arns)
    {
        var action = "dynamodb:" + operation;
        switch (operation)
        {
            case "ListTables" or "DescribeLimits" or "DescribeEndpoints":
                return [new(action, "*")];
            case "Query" or "Scan":
                {
                    if (String(request, "TableName") is not { } table)
                    {
                        return [];
                    }
                    var tableArn = arns.Table(table);
                    if (operation == "Scan")
                    {
                        return [new(action, String(request, "IndexName") is { } scanned ? $"{tableArn}/index/{scanned}" : tableArn)];
                    }
                    if (String(request, "IndexName") is { } index)
                    {
                        return [new(action, $"{tableArn}/index/{index}", LeadingKeysUnknown: true)];
                    }
                    var key = arns.PartitionKey(table);
                    var value = key is null ? null : LeadingKeys.FromQuery(request, key);
                    return [new(action, tableArn, LeadingKeys: value is null ? null : [value], LeadingKeysUnknown: value is null)];
                }
            case "BatchGetItem" or "BatchWriteItem":
                return request.TryGetProperty("RequestItems", out var items) && items.ValueKind == JsonValueKind.Object
                    ? [.. items.EnumerateObject().Select(table => WithKeys(new RequestedAccess(action, arns.Table(table.Name)), arns, table.Name, BatchItems(table.Value)))]
                    : [];
            case "TransactGetItems" or "TransactWriteItems":
                return Transaction(operation, request, arns);
            case "ExecuteStatement":
                return Statement(request, arns) is { } access ? [access] : [];
            case "BatchExecuteStatement":
                return Statements(request, "Statements", arns);
            case "ExecuteTransaction":
                return Statements(request, "TransactStatements", arns);
            case "TagResource" or "UntagResource" or "ListTagsOfResource":
                return String(request, "ResourceArn") is { } resource ? [new(action, resource)] : [];
            case "GetItem" or "DeleteItem" or "UpdateItem" or "PutItem":
                {
                    if (String(request, "TableName") is not { } table)
                    {
                        return [];
                    }
                    var item = request.TryGetProperty(operation == "PutItem" ? "Item" : "Key", out var i) ? i : default;
                    return [WithKeys(new RequestedAccess(action, arns.Table(table)), arns, table, [item])];
                }
            default:
                if (String(request, "TableName") is { } name)
                {
                    return [new(action, arns.Table(name))];
                }
                return String(request, "ResourceArn") is { } arn ? [new(action, arn)] : [new(action, "*")];
        }
    }

    private static List<RequestedAccess> Transaction(string operation, JsonElement request, Arns arns)
    {
        var accesses = new List<RequestedAccess>();
        if (!request.TryGetProperty("TransactItems", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return accesses;
        }
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            foreach (var member in item.EnumerateObject())
            {
                var action = member.Name switch
                {
                    "Get" => "dynamodb:GetItem",
                    "Put" => "dynamodb:PutItem",
                    "Update" => "dynamodb:UpdateItem",
                    "Delete" => "dynamodb:DeleteItem",
                    "ConditionCheck" => "dynamodb:ConditionCheckItem",
                    _ => null,
                };
                if (action is not null && member.Value.ValueKind == JsonValueKind.Object && String(member.Value, "TableName") is { } table)
                {
                    var key = member.Value.TryGetProperty(member.Name == "Put" ? "Item" : "Key", out var k) ? k : default;
                    accesses.Add(WithKeys(new RequestedAccess(action, arns.Table(table), operation), arns, table, [key]));
                }
            }
        }
        return accesses;
    }

    /// <summary>The access with the partition key values of <paramref name="items"/> (each a <c>Key</c> or <c>Item</c>).</summary>
    private static RequestedAccess WithKeys(RequestedAccess access, Arns arns, string table, IEnumerable<JsonElement> items)
    {
        if (arns.PartitionKey(table) is not { } key)
        {
            return access with { LeadingKeysUnknown = true };
        }
        var values = new List<string>();
        foreach (var item in items)
        {
            if (LeadingKeys.FromItem(item, key) is not { } value)
            {
                return access with { LeadingKeysUnknown = true };
            }
            if (!values.Contains(value))
            {
                values.Add(value);
            }
        }
        return access with { LeadingKeys = values };
    }

    /// <summary>The keys and items of one table's BatchGetItem (<c>Keys</c>) or BatchWriteItem (<c>PutRequest.Item</c>, <c>DeleteRequest.Key</c>) entry.</summary>
    private static IEnumerable<JsonElement> BatchItems(JsonElement entry)
    {
        if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("Keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
        {
            return keys.EnumerateArray();
        }
        if (entry.ValueKind != JsonValueKind.Array)
        {
            return [default];
        }
        return entry.EnumerateArray().Select(write =>
            write.ValueKind == JsonValueKind.Object && write.TryGetProperty("PutRequest", out var put) && put.ValueKind == JsonValueKind.Object && put.TryGetProperty("Item", out var item) ? item
            : write.ValueKind == JsonValueKind.Object && write.TryGetProperty("DeleteRequest", out var delete) && delete.ValueKind == JsonValueKind.Object && delete.TryGetProperty("Key", out var key) ? key
            : default);
    }

    private static List<RequestedAccess> Statements(JsonElement request, string member, Arns arns)
    {
        var accesses = new List<RequestedAccess>();
        if (request.TryGetProperty(member, out var statements) && statements.ValueKind == JsonValueKind.Array)
        {
            foreach (var statement in statements.EnumerateArray())
            {
                if (statement.ValueKind == JsonValueKind.Object && Statement(statement, arns) is { } access)
                {
                    accesses.Add(access);
                }
            }
        }
        return accesses;
    }

    private static RequestedAccess? Statement(JsonElement entry, Arns arns)
    {
        if (String(entry, "Statement") is not { } text)
        {
            return null;
        }
        var parameters = entry.TryGetProperty("Parameters", out var p) && p.ValueKind == JsonValueKind.Array
            ? [.. p.EnumerateArray().Select(v => v.GetRawText())]
            : new List<string>();
        Statement statement;
        try
        {
            statement = PartiQLParser.Parse(text, parameters);
        }
        catch (DynamoDB.Local.Errors.DynamoDbException)
        {
            return null; // the engine answers with the same validation error
        }
        var table = arns.Table(statement.Table);
        return statement switch
        {
            SelectStatement select => new("dynamodb:PartiQLSelect", select.Index is null ? table : $"{table}/index/{select.Index}"),
            InsertStatement => new("dynamodb:PartiQLInsert", table),
            UpdateStatement => new("dynamodb:PartiQLUpdate", table),
            DeleteStatement => new("dynamodb:PartiQLDelete", table),
            _ => null,
        };
    }

    private static List<RequestedAccess> Streams(string operation, JsonElement request)
    {
        var action = "dynamodb:" + operation;
        switch (operation)
        {
            case "ListStreams":
                return [new(action, "*")];
            case "GetRecords":
                return String(request, "ShardIterator") is { } iterator && ShardIterators.TryDecode(iterator, out var position)
                    ? [new(action, position.StreamArn)]
                    : [];
            default:
                return String(request, "StreamArn") is { } stream ? [new(action, stream)] : [new(action, "*")];
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private readonly record struct Arns(string Region, string AccountId, Func<string, string?>? PartitionKeyOf)
    {
        /// <summary>The table's partition key attribute, when known.</summary>
        public string? PartitionKey(string nameOrArn)
        {
            var slash = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn.IndexOf(":table/", StringComparison.Ordinal) : -1;
            return PartitionKeyOf?.Invoke(slash >= 0 ? nameOrArn[(slash + ":table/".Length)..] : nameOrArn);
        }

        /// <summary>A table's ARN; <c>TableName</c> may itself be one.</summary>
        public string Table(string nameOrArn) =>
            nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn : $"arn:aws:dynamodb:{Region}:{AccountId}:table/{nameOrArn}";
    }
}
