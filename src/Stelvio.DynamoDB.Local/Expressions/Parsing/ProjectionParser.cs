namespace Stelvio.DynamoDB.Local.Expressions.Parsing;

/// <summary>The ProjectionExpression grammar: document paths separated by commas.</summary>
internal sealed class ProjectionParser : ParserBase
{
    private ProjectionParser(string text, ExpressionContext context)
        : base(text, context, "ProjectionExpression")
    {
    }

    public static Projection Parse(string text, ExpressionContext context)
    {
        CheckText(text, "ProjectionExpression");
        var parser = new ProjectionParser(text, context);
        var paths = new List<DocumentPath>();
        var checkedPaths = new List<DocumentPath>();
        try
        {
            paths.Add(parser.ParsePath());
            while (parser.Kind == TokenKind.Comma)
            {
                parser.Pos++;
                paths.Add(parser.ParsePath());
            }
            if (parser.Kind != TokenKind.End)
            {
                throw parser.Syntax();
            }
        }
        catch (SyntaxError error)
        {
            throw parser.SyntaxException(error);
        }
        foreach (var path in paths)
        {
            parser.CheckPathAgainst(checkedPaths, path);
        }
        var p = parser.Problems;
        if ((p.Reserved ?? p.UndefinedName ?? p.Overlap ?? p.Conflict) is { } problem)
        {
            throw parser.Invalid(problem);
        }
        return new Projection(paths);
    }

    protected override bool IsKeyword(Token token) => false;
}
