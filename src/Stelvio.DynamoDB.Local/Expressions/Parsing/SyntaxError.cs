namespace Stelvio.DynamoDB.Local.Expressions.Parsing;

/// <summary>Thrown inside a parser at the token where the grammar fails; the parser turns it into AWS's message.</summary>
internal sealed class SyntaxError(int tokenIndex) : Exception("Syntax error at token " + tokenIndex)
{
    public int TokenIndex { get; } = tokenIndex;
}
