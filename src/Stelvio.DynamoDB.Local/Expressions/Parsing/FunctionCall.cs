using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions.Parsing;

/// <summary>
/// A function call as parsed, before the context (condition, operand, update value) decides what it means.
/// Never evaluated: the parsers replace it.
/// </summary>
internal sealed class FunctionCall(string name, IReadOnlyList<Operand> arguments) : Operand
{
    public string Name { get; } = name;

    public IReadOnlyList<Operand> Arguments { get; } = arguments;

    public override AttributeValue? Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) =>
        throw new InvalidOperationException("A function call is resolved by the parser before evaluation.");
}
