namespace Stelvio.LocalCloud.Lambda.InvokeApi;

/// <summary>
/// The function an Invoke call names, in any of Lambda's forms: <c>my-function</c>, <c>my-function:qualifier</c>,
/// <c>123456789012:function:my-function</c>, <c>arn:aws:lambda:us-east-1:123456789012:function:my-function[:qualifier]</c>.
/// </summary>
/// <param name="Name">The function name, or null when the form is not one of these.</param>
/// <param name="Qualifier">The version or alias, if any (from the name or the <c>Qualifier</c> query parameter).</param>
internal sealed record FunctionTarget(string? Name, string? Qualifier)
{
    public static FunctionTarget Parse(string functionName, string? queryQualifier)
    {
        var name = Uri.UnescapeDataString(functionName);
        var parts = name.Split(':');
        (string? Name, string? Qualifier) target = parts switch
        {
            [var n] => (n, null),
            [var n, var q] => (n, q),
            [_, "function", var n] => (n, null),
            [_, "function", var n, var q] => (n, q),
            ["arn", _, "lambda", _, _, "function", var n] => (n, null),
            ["arn", _, "lambda", _, _, "function", var n, var q] => (n, q),
            _ => (null, null),
        };
        var qualifier = string.IsNullOrEmpty(queryQualifier) ? target.Qualifier : queryQualifier;
        return new FunctionTarget(string.IsNullOrEmpty(target.Name) ? null : target.Name, qualifier);
    }
}
