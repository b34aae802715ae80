namespace Stelvio.Lambda.Handlers;

/// <summary>The handler name grammar: <c>[Namespace.]Type.Method</c>, C# identifiers joined by dots.</summary>
internal static class HandlerName
{
    /// <summary>True when <paramref name="name"/> is <c>[Namespace.]Type.Method</c>.</summary>
    public static bool IsValid(string name)
    {
        var parts = name.Split('.');
        return parts.Length >= 2 && parts.All(IsIdentifier);
    }

    /// <summary>The name for the expression a handler was passed as: <c>global::</c> and whitespace dropped.</summary>
    public static string FromExpression(string expression)
    {
        var name = string.Concat((expression ?? "").Where(c => !char.IsWhiteSpace(c))).Replace("global::", "", StringComparison.Ordinal);
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"Handler name '{expression}' is not [Namespace.]Type.Method. Pass a method group, as in h.Add(OrderHandlers.ProcessChanges), " +
                "or give the name that the function's Handler setting uses: h.Add(handler, name: \"OrderHandlers.ProcessChanges\").",
                nameof(expression));
        }

        return name;
    }

    // Regex would work too, but it costs a Native AOT binary several hundred KB.
    private static bool IsIdentifier(string part) =>
        part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_');
}
