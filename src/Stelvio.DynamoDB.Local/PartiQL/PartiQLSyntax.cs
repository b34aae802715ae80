namespace Stelvio.DynamoDB.Local.PartiQL;

/// <summary>An operand: a document path, or a value as wire JSON (literal or parameter).</summary>
internal abstract record Operand;

/// <summary>A path: names and list indexes, e.g. <c>a.b[2]</c>.</summary>
internal sealed record PathOperand(IReadOnlyList<object> Segments) : Operand
{
    public string? SingleName => Segments is [string name] ? name : null;
}

internal sealed record ValueOperand(string Json) : Operand;

/// <summary><c>left + right</c> or <c>left - right</c> in a SET.</summary>
internal sealed record ArithmeticOperand(Operand Left, string Operator, Operand Right) : Operand;

/// <summary>A function call in a SET value (list_append).</summary>
internal sealed record FunctionOperand(string Name, IReadOnlyList<Operand> Arguments) : Operand;

internal abstract record Condition;

internal sealed record AndCondition(IReadOnlyList<Condition> Parts) : Condition;

internal sealed record OrCondition(IReadOnlyList<Condition> Parts) : Condition;

internal sealed record NotCondition(Condition Inner) : Condition;

internal sealed record CompareCondition(Operand Left, string Operator, Operand Right) : Condition;

internal sealed record BetweenCondition(Operand Value, Operand Low, Operand High) : Condition;

internal sealed record InCondition(Operand Value, IReadOnlyList<Operand> Candidates) : Condition;

/// <summary><c>path IS [NOT] MISSING</c>.</summary>
internal sealed record MissingCondition(PathOperand Path, bool Missing) : Condition;

/// <summary>begins_with, contains, attribute_type (as DynamoDB's functions of the same names).</summary>
internal sealed record FunctionCondition(string Name, IReadOnlyList<Operand> Arguments) : Condition;

internal abstract record Statement(string Table);

internal sealed record SelectStatement(string Table, string? Index, IReadOnlyList<PathOperand>? Projection, Condition? Where) : Statement(Table);

internal sealed record InsertStatement(string Table, string ItemJson) : Statement(Table);

internal sealed record UpdateStatement(string Table, IReadOnlyList<(PathOperand Path, Operand Value)> Sets, IReadOnlyList<PathOperand> Removes, Condition Where, string? Returning) : Statement(Table);

internal sealed record DeleteStatement(string Table, Condition Where, string? Returning) : Statement(Table);
