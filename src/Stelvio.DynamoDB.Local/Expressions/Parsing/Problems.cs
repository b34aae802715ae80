namespace Stelvio.DynamoDB.Local.Expressions.Parsing;

/// <summary>
/// The first semantic problem of each kind found while parsing one expression. DynamoDB parses the whole
/// expression and then reports one problem by a fixed order of kinds that differs between condition, update
/// and projection expressions; the parsers pick from these fields in that order.
/// </summary>
internal sealed class Problems
{
    public string? RedundantParentheses;
    public string? UnknownFunction;
    public string? MisusedFunction;
    public string? Reserved;
    public string? Section;
    public string? UndefinedName;
    public string? UndefinedValue;
    public string? UndefinedNameOrValue;
    public string? Overlap;
    public string? Conflict;
    public string? OperandCount;
    public string? NotDistinct;
    public string? Function;
    public string? UpdateOperand;

    /// <summary>A condition's first problem, fixed when its first faulty comparison or function is complete.</summary>
    public string? Condition;

    public static void Note(ref string? field, string message) => field ??= message;

    /// <summary>Fixes <see cref="Condition"/> from what a just-completed simple condition left, as DynamoDB orders them.</summary>
    public void CompleteSimpleCondition() =>
        Condition ??= UndefinedNameOrValue ?? OperandCount ?? NotDistinct ?? Function;
}
