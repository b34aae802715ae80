using System.Text.Json;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;

namespace Stelvio.DynamoDB.Local.Errors;

/// <summary>Why one item of a transaction cancelled it (Code "None" for the items that did not).</summary>
internal sealed record CancellationReason(string Code, string? Message = null, IReadOnlyDictionary<string, AttributeValue>? Item = null)
{
    public static CancellationReason None { get; } = new("None");
}

/// <summary>A transaction was cancelled: one reason per item, in request order.</summary>
internal sealed class TransactionCanceledException(IReadOnlyList<CancellationReason> reasons)
    : DynamoDbException("TransactionCanceledException", Describe(reasons)), IErrorDetails
{
    public IReadOnlyList<CancellationReason> Reasons { get; } = reasons;

    private static string Describe(IReadOnlyList<CancellationReason> reasons)
    {
        var codes = new string[reasons.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = reasons[i].Code;
        }
        return $"Transaction cancelled, please refer cancellation reasons for specific reasons [{string.Join(", ", codes)}]";
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("CancellationReasons"u8);
        foreach (var reason in Reasons)
        {
            writer.WriteStartObject();
            if (reason.Item is not null)
            {
                AttributeValueJson.WriteItem(writer, "Item", reason.Item);
            }
            writer.WriteString("Code"u8, reason.Code);
            if (reason.Message is not null)
            {
                writer.WriteString("Message"u8, reason.Message);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
