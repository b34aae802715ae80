using System.Text.Json;

namespace Stelvio.DynamoDB.Local.Protocol;

/// <summary>
/// Handles one operation: reads the request (the JSON body's root object), does the work and writes the response
/// object to <paramref name="response"/> (writing nothing gives an empty body, as TagResource's). Errors are
/// thrown as <see cref="Errors.DynamoDbException"/>s.
/// </summary>
internal delegate void OperationHandler(DynamoEngine engine, JsonElement request, Utf8JsonWriter response);

/// <summary>
/// The operations the engine serves, by X-Amz-Target (<c>DynamoDB_20120810.PutItem</c>,
/// <c>DynamoDBStreams_20120810.GetRecords</c>). Each layer registers its operations when the engine is built.
/// </summary>
internal sealed class OperationRegistry
{
    public const string DynamoDB = "DynamoDB_20120810";
    public const string DynamoDBStreams = "DynamoDBStreams_20120810";

    private readonly Dictionary<string, OperationHandler> _byTarget = new(StringComparer.Ordinal);

    public void Add(string service, string operation, OperationHandler handler) => _byTarget[service + "." + operation] = handler;

    public bool TryGet(string target, out OperationHandler handler) => _byTarget.TryGetValue(target, out handler!);

    public IEnumerable<string> Targets => _byTarget.Keys;
}
