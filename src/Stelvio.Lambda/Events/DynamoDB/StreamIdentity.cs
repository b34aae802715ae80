using System.Text.Json.Serialization;

namespace Stelvio.Lambda.Events.DynamoDB;

/// <summary>The <c>userIdentity</c> of a record: <c>{"type": "Service", "principalId": "dynamodb.amazonaws.com"}</c> for Time to Live deletions.</summary>
public sealed class StreamIdentity
{
    /// <summary>The identity's type (<c>type</c>), <c>Service</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The principal (<c>principalId</c>), <c>dynamodb.amazonaws.com</c>.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }
}
