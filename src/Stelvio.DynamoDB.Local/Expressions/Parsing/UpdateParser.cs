using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions.Parsing;

/// <summary>
/// The UpdateExpression grammar: SET, REMOVE, ADD and DELETE sections (each at most once, in any order and
/// case), with DynamoDB's checks and the order it reports them in.
/// </summary>
internal sealed class UpdateParser : ParserBase
{
    private readonly List<DocumentPath> _paths = [];
    private readonly List<UpdateClause> _clauses = [];
    private readonly HashSet<string> _sections = new(StringComparer.Ordinal);

    private UpdateParser(string text, ExpressionContext context)
        : base(text, context, "UpdateExpression")
    {
    }

    public static UpdateAction Parse(string text, ExpressionContext context)
    {
        CheckText(text, "UpdateExpression");
        var parser = new UpdateParser(text, context);
        try
        {
            parser.ParseSections();
        }
        catch (SyntaxError error)
        {
            throw parser.SyntaxException(error);
        }
        var p = parser.Problems;
        if ((p.RedundantParentheses ?? p.Reserved ?? p.UnknownFunction ?? p.MisusedFunction ?? p.Section ?? p.UndefinedName ?? p.UndefinedValue
            ?? p.Overlap ?? p.Conflict ?? p.UpdateOperand ?? p.Function) is { } problem)
        {
            throw parser.Invalid(problem);
        }
        return new UpdateAction(parser._clauses);
    }

    protected override bool IsKeyword(Token token) =>
        token.Kind == TokenKind.Name && token.Length <= 6
        && (IsKeyword(token, "SET") || IsKeyword(token, "REMOVE") || IsKeyword(token, "ADD") || IsKeyword(token, "DELETE"));

    private void ParseSections()
    {
        do
        {
            var token = Current;
            if (!IsKeyword(token))
            {
                throw Syntax();
            }
            var section = TextOf(token).ToUpperInvariant();
            Pos++;
            do
            {
                _clauses.Add(section switch
                {
                    "SET" => ParseSet(),
                    "REMOVE" => ParseRemove(),
                    "ADD" => ParseAddOrDelete(add: true),
                    _ => ParseAddOrDelete(add: false),
                });
            }
            while (Kind == TokenKind.Comma && ++Pos > 0);
            if (!_sections.Add(section))
            {
                Problems.Note(ref Problems.Section, $"The \"{section}\" section can only be used once in an update expression;");
            }
        }
        while (Kind != TokenKind.End);
    }

    private SetClause ParseSet()
    {
        var path = ParsePath();
        CheckPathAgainst(_paths, path);
        Expect(TokenKind.Equal);
        var value = ParseSetValue();
        return new SetClause(path, value);
    }

    /// <summary>
    /// A SET value: an operand, or two joined by + or -, either in parentheses; "(" wraps the whole value
    /// unless its ")" is followed by + or -, where it wraps the first operand. Doubled parentheses are redundant.
    /// </summary>
    private Operand ParseSetValue()
    {
        if (Kind == TokenKind.OpenParen && Matching[Pos] > 0 && KindAt(Matching[Pos] + 1) is not (TokenKind.Plus or TokenKind.Minus))
        {
            Pos++;
            var inner = ParseSetValue();
            Expect(TokenKind.CloseParen);
            MarkParenthesized(inner);
            return inner;
        }
        return ParseValue();
    }

    private Operand ParseValue()
    {
        var left = ParseOperand();
        if (Kind is not (TokenKind.Plus or TokenKind.Minus))
        {
            return AsValue(left, nested: false);
        }
        var subtract = Kind == TokenKind.Minus;
        Pos++;
        var right = ParseOperand();
        var symbol = subtract ? "-" : "+";
        left = AsValue(left, nested: true);
        right = AsValue(right, nested: true);
        foreach (var operand in (ReadOnlySpan<Operand>)[left, right])
        {
            if (operand is ValueOperand { Value.Type: var type } && type != AttributeType.N)
            {
                Problems.Note(ref Problems.Function, OperandTypeMessage(symbol, type.ToString()));
                break;
            }
        }
        return new ArithmeticOperand(left, right, subtract);
    }

    private RemoveClause ParseRemove()
    {
        var path = ParsePath();
        CheckPathAgainst(_paths, path);
        return new RemoveClause(path);
    }

    private UpdateClause ParseAddOrDelete(bool add)
    {
        var path = ParsePath();
        CheckPathAgainst(_paths, path);
        if (Kind != TokenKind.ValueRef)
        {
            throw Syntax();
        }
        var defined = TryResolveValue(Current, out var value);
        Pos++;
        var allowed = value.IsSet || (add && value.Type == AttributeType.N);
        if (!allowed && defined)
        {
            Problems.Note(ref Problems.UpdateOperand,
                $"Incorrect operand type for operator or function; operator: {(add ? "ADD" : "DELETE")}, operand type: {TypeWord(value.Type)}");
        }
        return add ? new AddClause(path, value) : new DeleteClause(path, value);
    }

    /// <summary>An operand in a SET value: a function call becomes if_not_exists or list_append.</summary>
    private Operand AsValue(Operand operand, bool nested)
    {
        if (operand is not FunctionCall call)
        {
            return operand;
        }
        switch (call.Name)
        {
            case "if_not_exists":
                {
                    if (call.Arguments.Count != 2)
                    {
                        Problems.Note(ref Problems.Function, OperandCountMessage(call.Name, call.Arguments.Count));
                        return Placeholder;
                    }
                    var fallback = AsValue(call.Arguments[1], nested: true);
                    if (call.Arguments[0] is not PathOperand path)
                    {
                        AsValue(call.Arguments[0], nested: true);
                        Problems.Note(ref Problems.Function, RequiresPathMessage(call.Name));
                        return Placeholder;
                    }
                    return new IfNotExistsOperand(path.Path, fallback);
                }
            case "list_append":
                {
                    if (nested)
                    {
                        Problems.Note(ref Problems.MisusedFunction, MisusedMessage(call.Name));
                        return Placeholder;
                    }
                    foreach (var argument in call.Arguments)
                    {
                        if (argument is FunctionCall inner)
                        {
                            AsValue(inner, nested: true);
                            Problems.Note(ref Problems.MisusedFunction, MisusedMessage(inner.Name));
                        }
                    }
                    if (call.Arguments.Count != 2)
                    {
                        Problems.Note(ref Problems.Function, OperandCountMessage(call.Name, call.Arguments.Count));
                        return Placeholder;
                    }
                    foreach (var argument in call.Arguments)
                    {
                        if (argument is ValueOperand { Value.Type: var type } && type != AttributeType.L)
                        {
                            Problems.Note(ref Problems.Function, OperandTypeMessage(call.Name, type.ToString()));
                            break;
                        }
                    }
                    return new ListAppendOperand(call.Arguments[0], call.Arguments[1]);
                }
            case "attribute_exists" or "attribute_not_exists" or "attribute_type" or "begins_with" or "contains" or "size":
                Problems.Note(ref Problems.MisusedFunction, MisusedMessage(call.Name));
                return Placeholder;
            default:
                Problems.Note(ref Problems.UnknownFunction, UnknownFunctionMessage(call.Name));
                return Placeholder;
        }
    }

    private static ValueOperand Placeholder { get; } = new(AttributeValue.Null);

    private static string TypeWord(AttributeType type) => type switch
    {
        AttributeType.S => "STRING",
        AttributeType.N => "NUMBER",
        AttributeType.B => "BINARY",
        AttributeType.BOOL => "BOOLEAN",
        AttributeType.NULL => "NULL",
        AttributeType.L => "LIST",
        AttributeType.M => "MAP",
        _ => type.ToString(),
    };
}
