using Stelvio.DynamoDB.Local.Errors;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>The errors DynamoDB raises while applying an update to an item.</summary>
internal static class UpdateErrors
{
    public static DynamoDbException MissingAttribute() =>
        DynamoDbException.Validation("The provided expression refers to an attribute that does not exist in the item");

    public static DynamoDbException IncorrectType() =>
        DynamoDbException.Validation("An operand in the update expression has an incorrect data type");

    public static DynamoDbException InvalidPath() =>
        DynamoDbException.Validation("The document path provided in the update expression is invalid for update");

    /// <summary>The legacy AttributeUpdates' error for ADD or DELETE on a value of another type.</summary>
    public static DynamoDbException TypeMismatch() =>
        DynamoDbException.Validation("Type mismatch for attribute to update");
}
