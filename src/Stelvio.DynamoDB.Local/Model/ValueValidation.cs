namespace Stelvio.DynamoDB.Local.Model;

/// <summary>Checks a value as DynamoDB checks request values: empty sets, duplicate set members, nesting depth.</summary>
internal static class ValueValidation
{
    public const int MaxNestingDepth = 32;

    /// <summary>AWS's message for the first problem in <paramref name="value"/>, or null when it is valid.</summary>
    public static string? Check(AttributeValue value) => throw new NotImplementedException();
}
