using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;

namespace Stelvio.DynamoDB.Local.Protocol;

/// <summary>An error with members beyond <c>__type</c> and <c>message</c> (the item of a failed condition, cancellation reasons).</summary>
internal interface IErrorDetails
{
    void WriteDetails(Utf8JsonWriter writer);
}

/// <summary>Writes an error body as AWS does: <c>{"__type":"namespace#Type","message":"…"}</c>.</summary>
internal static class ErrorJson
{
    public static void Write(Utf8JsonWriter writer, DynamoDbException error)
    {
        writer.WriteStartObject();
        writer.WriteString("__type"u8, error.TypeNamespace + "#" + error.Type);
        if (error.Type != "UnknownOperationException")
        {
            // Coral's own errors spell the member "Message"; DynamoDB's "message".
            writer.WriteString(error.TypeNamespace == "com.amazon.coral.service" || error.Type == "TransactionCanceledException" ? "Message"u8 : "message"u8, error.Message);
        }
        if (error is IErrorDetails details)
        {
            details.WriteDetails(writer);
        }
        writer.WriteEndObject();
    }
}
