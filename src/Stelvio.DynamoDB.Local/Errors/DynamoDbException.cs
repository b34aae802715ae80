using System.Net;

namespace Stelvio.DynamoDB.Local.Errors;

/// <summary>
/// An error DynamoDB returns: its short type name (as in <c>__type</c> after the <c>#</c>), its message and
/// HTTP status. Every layer throws these; the protocol layer writes them as AWS does.
/// </summary>
public class DynamoDbException(string type, string message, HttpStatusCode status = HttpStatusCode.BadRequest)
    : Exception(message)
{
    /// <summary>The error type without its namespace, e.g. <c>ValidationException</c>.</summary>
    public string Type { get; } = type;

    /// <summary>The HTTP status AWS answers with.</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>The namespace AWS puts before the type in <c>__type</c>.</summary>
    public string TypeNamespace => Type is "SerializationException" or "UnknownOperationException" or "MissingAuthenticationTokenException"
        ? "com.amazon.coral.service"
        : "com.amazonaws.dynamodb.v20120810";

    /// <summary>A <c>ValidationException</c> with AWS's message.</summary>
    public static DynamoDbException Validation(string message) => new("ValidationException", message);

    /// <summary>A <c>ResourceNotFoundException</c> with AWS's message.</summary>
    public static DynamoDbException ResourceNotFound(string message = "Requested resource not found") => new("ResourceNotFoundException", message);

    /// <summary>A <c>ResourceInUseException</c> with AWS's message.</summary>
    public static DynamoDbException ResourceInUse(string message) => new("ResourceInUseException", message);
}
