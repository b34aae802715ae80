using Stelvio.DynamoDB.Local.Errors;

namespace Stelvio.DynamoDB.Local.Protocol;

/// <summary>The errors of the wire layer, with the messages AWS's JSON front end (Coral) gives.</summary>
internal static class WireErrors
{
    public static DynamoDbException Serialization(string message) => new("SerializationException", message);

    public static DynamoDbException UnknownOperation() => new("UnknownOperationException", "");

    /// <summary>A JSON value of the wrong kind where a member of <paramref name="expected"/> shape was wanted.</summary>
    public static DynamoDbException WrongType(System.Text.Json.JsonValueKind actual, WireShape expected) => Serialization(
        (actual, expected) switch
        {
            (System.Text.Json.JsonValueKind.Array, not WireShape.List) => "Start of list found where not expected",
            (System.Text.Json.JsonValueKind.Object, not WireShape.Map and not WireShape.Structure) => "Start of structure or map found where not expected.",
            (_, WireShape.List) => "Expected list or null",
            (_, WireShape.Map) => "Expected map or null",
            (_, WireShape.Structure) => "Expected null",
            (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False, _) => $"class java.lang.Boolean can not be converted to {Article(expected)}",
            (System.Text.Json.JsonValueKind.Number, _) => $"class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to {Article(expected)}",
            (System.Text.Json.JsonValueKind.String, _) => $"class java.lang.String can not be converted to {Article(expected)}",
            _ => "Unexpected JSON value",
        });

    private static string Article(WireShape shape) => shape switch
    {
        WireShape.Blob => "a Blob",
        WireShape.Boolean => "an Boolean",
        WireShape.Integer => "an Integer",
        WireShape.Long => "an Long",
        _ => "an String",
    };
}

/// <summary>The shapes of AWS's JSON protocol a member can have.</summary>
internal enum WireShape
{
    String,
    Boolean,
    Integer,
    Long,
    Blob,
    List,
    Map,
    Structure,
}
