using System.Globalization;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions.Parsing;

/// <summary>
/// The condition grammar (ConditionExpression, FilterExpression, KeyConditionExpression): OR over AND over
/// NOT over comparisons, BETWEEN, IN, function conditions and parentheses, with DynamoDB's checks and the
/// order it reports them in.
/// </summary>
internal sealed class ConditionParser : ParserBase
{
    /// <summary>The most operands an IN list takes.</summary>
    public const int MaxInCandidates = 99;

    private static readonly string[] TypeNames = ["S", "N", "B", "SS", "NS", "BS", "M", "L", "BOOL", "NULL"];

    private ConditionParser(string text, ExpressionContext context, string label)
        : base(text, context, label)
    {
    }

    public static Condition Parse(string text, ExpressionContext context, string label)
    {
        CheckText(text, label);
        var parser = new ConditionParser(text, context, label);
        Condition condition;
        try
        {
            condition = parser.ParseOr();
            if (parser.Kind != TokenKind.End)
            {
                throw parser.Syntax();
            }
        }
        catch (SyntaxError error)
        {
            throw parser.SyntaxException(error);
        }
        var problems = parser.Problems;
        if ((problems.RedundantParentheses ?? problems.UnknownFunction ?? problems.MisusedFunction ?? problems.Reserved ?? problems.Condition) is { } problem)
        {
            throw parser.Invalid(problem);
        }
        return condition;
    }

    protected override bool IsKeyword(Token token) =>
        token.Kind == TokenKind.Name && token.Length <= 7
        && (IsKeyword(token, "AND") || IsKeyword(token, "OR") || IsKeyword(token, "NOT") || IsKeyword(token, "BETWEEN") || IsKeyword(token, "IN"));

    private Condition ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword(Current, "OR"))
        {
            Pos++;
            left = new OrCondition(left, ParseAnd());
        }
        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParseNot();
        while (IsKeyword(Current, "AND"))
        {
            Pos++;
            left = new AndCondition(left, ParseNot());
        }
        return left;
    }

    private Condition ParseNot()
    {
        if (IsKeyword(Current, "NOT"))
        {
            Pos++;
            return new NotCondition(ParseNot());
        }
        return ParsePrimary();
    }

    private Condition ParsePrimary()
    {
        // "(" opens a condition unless its ")" is followed by a comparison: then it wraps an operand.
        if (Kind == TokenKind.OpenParen && (Matching[Pos] < 0 || !StartsComparison(Matching[Pos] + 1)))
        {
            Pos++;
            var inner = ParseOr();
            Expect(TokenKind.CloseParen);
            MarkParenthesized(inner);
            return inner;
        }
        var left = ParseOperand();
        if (left is FunctionCall call && !StartsComparison(Pos))
        {
            var function = FunctionCondition(call);
            Problems.CompleteSimpleCondition();
            return function;
        }
        Condition result;
        var token = Current;
        if (ComparatorOf(token.Kind) is { } comparator)
        {
            Pos++;
            var right = ParseOperand();
            result = Comparison(comparator, TextOf(token), left, right);
        }
        else if (IsKeyword(token, "BETWEEN"))
        {
            Pos++;
            var low = ParseOperand();
            if (!IsKeyword(Current, "AND"))
            {
                throw Syntax();
            }
            Pos++;
            var high = ParseOperand();
            result = Between(left, low, high);
        }
        else if (IsKeyword(token, "IN"))
        {
            Pos++;
            Expect(TokenKind.OpenParen);
            var candidates = new List<Operand> { ParseOperand() };
            while (Kind == TokenKind.Comma)
            {
                Pos++;
                candidates.Add(ParseOperand());
            }
            Expect(TokenKind.CloseParen);
            result = In(left, candidates);
        }
        else
        {
            throw Syntax();
        }
        Problems.CompleteSimpleCondition();
        return result;
    }

    private bool StartsComparison(int index)
    {
        if (index >= Tokens.Count)
        {
            return false;
        }
        var token = Tokens[index];
        return ComparatorOf(token.Kind) is not null || IsKeyword(token, "BETWEEN") || IsKeyword(token, "IN");
    }

    private static Comparator? ComparatorOf(TokenKind kind) => kind switch
    {
        TokenKind.Equal => Comparator.Equal,
        TokenKind.NotEqual => Comparator.NotEqual,
        TokenKind.Less => Comparator.Less,
        TokenKind.LessOrEqual => Comparator.LessOrEqual,
        TokenKind.Greater => Comparator.Greater,
        TokenKind.GreaterOrEqual => Comparator.GreaterOrEqual,
        _ => null,
    };

    private Condition Comparison(Comparator comparator, string symbol, Operand left, Operand right)
    {
        left = AsOperand(left);
        right = AsOperand(right);
        CheckDistinct(symbol, left, right);
        if (comparator is not (Comparator.Equal or Comparator.NotEqual))
        {
            CheckOrderable(symbol, left);
            CheckOrderable(symbol, right);
        }
        return new ComparisonCondition(comparator, left, right);
    }

    private Condition Between(Operand operand, Operand low, Operand high)
    {
        operand = AsOperand(operand);
        low = AsOperand(low);
        high = AsOperand(high);
        CheckOrderable("BETWEEN", operand);
        CheckOrderable("BETWEEN", low);
        CheckOrderable("BETWEEN", high);
        if (low is ValueOperand { Value: var lowValue } && high is ValueOperand { Value: var highValue }
            && ValueOperations.IsScalar(lowValue.Type) && ValueOperations.IsScalar(highValue.Type))
        {
            var bounds = $"lower bound operand: AttributeValue: {Describe(lowValue)}, upper bound operand: AttributeValue: {Describe(highValue)}";
            if (lowValue.Type != highValue.Type)
            {
                Problems.Note(ref Problems.Function, "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
            }
            else if (ValueOperations.CompareScalars(lowValue, highValue) > 0)
            {
                Problems.Note(ref Problems.Function, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
            }
        }
        return new BetweenCondition(operand, low, high);
    }

    private Condition In(Operand operand, List<Operand> candidates)
    {
        operand = AsOperand(operand);
        for (var i = 0; i < candidates.Count; i++)
        {
            candidates[i] = AsOperand(candidates[i]);
        }
        if (candidates.Count > MaxInCandidates)
        {
            Problems.Note(ref Problems.Function,
                "The IN operator is provided with too many operands; number of operands: " + candidates.Count.ToString(CultureInfo.InvariantCulture));
        }
        return new InCondition(operand, candidates);
    }

    /// <summary>A function call in an operand's place: only size() is a value there.</summary>
    private Operand AsOperand(Operand operand)
    {
        if (operand is not FunctionCall call)
        {
            return operand;
        }
        switch (call.Name)
        {
            case "size":
                {
                    var arguments = Arguments(call);
                    if (!CheckCount(call, 1))
                    {
                        return Placeholder;
                    }
                    if (arguments[0].StaticType is AttributeType.N or AttributeType.BOOL or AttributeType.NULL)
                    {
                        Problems.Note(ref Problems.Function, OperandTypeMessage("size", arguments[0].StaticType!.Value.ToString()));
                    }
                    return new SizeOperand(arguments[0]);
                }
            case "attribute_exists" or "attribute_not_exists" or "attribute_type" or "begins_with" or "contains" or "if_not_exists" or "list_append":
                Arguments(call);
                Problems.Note(ref Problems.MisusedFunction, MisusedMessage(call.Name));
                return Placeholder;
            default:
                Problems.Note(ref Problems.UnknownFunction, UnknownFunctionMessage(call.Name));
                return Placeholder;
        }
    }

    private static ValueOperand Placeholder { get; } = new(AttributeValue.Null);

    /// <summary>A function call in a condition's place.</summary>
    private Condition FunctionCondition(FunctionCall call)
    {
        switch (call.Name)
        {
            case "attribute_exists" or "attribute_not_exists":
                {
                    var arguments = Arguments(call);
                    if (!CheckCount(call, 1))
                    {
                        return ConstantCondition.True;
                    }
                    if (arguments[0] is not PathOperand path)
                    {
                        Problems.Note(ref Problems.Function, RequiresPathMessage(call.Name));
                        return ConstantCondition.True;
                    }
                    return new ExistsCondition(path.Path, call.Name == "attribute_exists");
                }
            case "attribute_type":
                {
                    var arguments = Arguments(call);
                    if (!CheckCount(call, 2))
                    {
                        return ConstantCondition.True;
                    }
                    CheckDistinct(call.Name, arguments[0], arguments[1]);
                    if (arguments[1] is not ValueOperand { Value.Type: AttributeType.S } typeOperand)
                    {
                        var type = arguments[1].StaticType?.ToString() ?? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}";
                        Problems.Note(ref Problems.Function, OperandTypeMessage(call.Name, type));
                        return ConstantCondition.True;
                    }
                    if (Array.IndexOf(TypeNames, typeOperand.Value.S) < 0)
                    {
                        Problems.Note(ref Problems.Function,
                            $"Invalid attribute type name found; type: {typeOperand.Value.S}, valid types: {{B,NULL,SS,BOOL,L,BS,N,NS,S,M}}");
                        return ConstantCondition.True;
                    }
                    return new AttributeTypeCondition(arguments[0], Enum.Parse<AttributeType>(typeOperand.Value.S));
                }
            case "begins_with":
                {
                    var arguments = Arguments(call);
                    if (!CheckCount(call, 2))
                    {
                        return ConstantCondition.True;
                    }
                    CheckDistinct(call.Name, arguments[0], arguments[1]);
                    foreach (var argument in arguments)
                    {
                        if (argument.StaticType is { } type && type is not (AttributeType.S or AttributeType.B))
                        {
                            Problems.Note(ref Problems.Function, OperandTypeMessage(call.Name, type.ToString()));
                            break;
                        }
                    }
                    return new BeginsWithCondition(arguments[0], arguments[1]);
                }
            case "contains":
                {
                    var arguments = Arguments(call);
                    if (!CheckCount(call, 2))
                    {
                        return ConstantCondition.True;
                    }
                    CheckDistinct(call.Name, arguments[0], arguments[1]);
                    return new ContainsCondition(arguments[0], arguments[1]);
                }
            case "size" or "if_not_exists" or "list_append":
                Arguments(call);
                Problems.Note(ref Problems.MisusedFunction, MisusedMessage(call.Name));
                return ConstantCondition.True;
            default:
                Problems.Note(ref Problems.UnknownFunction, UnknownFunctionMessage(call.Name));
                return ConstantCondition.True;
        }
    }

    private List<Operand> Arguments(FunctionCall call)
    {
        var arguments = new List<Operand>(call.Arguments.Count);
        foreach (var argument in call.Arguments)
        {
            arguments.Add(AsOperand(argument));
        }
        return arguments;
    }

    private bool CheckCount(FunctionCall call, int expected)
    {
        if (call.Arguments.Count == expected)
        {
            return true;
        }
        Problems.Note(ref Problems.OperandCount, OperandCountMessage(call.Name, call.Arguments.Count));
        return false;
    }

    private void CheckDistinct(string function, Operand first, Operand second)
    {
        if (first is PathOperand a && second is PathOperand b && a.Path.SameAs(b.Path))
        {
            Problems.Note(ref Problems.NotDistinct,
                $"The first operand must be distinct from the remaining operands for this operator or function; operator: {function}, first operand: {a.Path}");
        }
    }

    private void CheckOrderable(string function, Operand operand)
    {
        if (operand is ValueOperand { Value.Type: var type } && !ValueOperations.IsScalar(type))
        {
            Problems.Note(ref Problems.Function, OperandTypeMessage(function, type.ToString()));
        }
    }

    private static string Describe(AttributeValue value) => value.Type switch
    {
        AttributeType.S => "{S:" + value.S + "}",
        AttributeType.N => "{N:" + value.N + "}",
        _ => "{B:" + Convert.ToBase64String(value.B) + "}",
    };
}
