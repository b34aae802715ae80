using System.Globalization;
using System.Text;
using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;

namespace Stelvio.DynamoDB.Local.PartiQL;

/// <summary>
/// Parses DynamoDB's PartiQL subset: SELECT, INSERT … VALUE, UPDATE … SET/REMOVE … WHERE, DELETE … WHERE, with
/// <c>?</c> parameters (given as wire AttributeValue JSON, in order).
/// </summary>
internal sealed class PartiQLParser
{
    private readonly List<Token> _tokens;
    private readonly IReadOnlyList<string> _parameters;
    private int _position;
    private int _parameter;

    private PartiQLParser(string statement, IReadOnlyList<string> parameters)
    {
        _tokens = PartiQLLexer.Tokenize(statement);
        _parameters = parameters;
    }

    public static Statement Parse(string statement, IReadOnlyList<string> parameters)
    {
        var parser = new PartiQLParser(statement, parameters);
        var parsed = parser.Statement();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw PartiQLLexer.Malformed("Unexpected token after expression");
        }
        if (parser._parameter != parameters.Count)
        {
            throw DynamoDbException.Validation($"Number of parameters in request and statement don't match.");
        }
        return parsed;
    }

    private Token Peek => _tokens[_position];

    private Token Next() => _tokens[_position++];

    private bool Accept(string keyword)
    {
        if (Peek.Is(keyword))
        {
            _position++;
            return true;
        }
        return false;
    }

    private bool AcceptSymbol(string symbol)
    {
        if (Peek.IsSymbol(symbol))
        {
            _position++;
            return true;
        }
        return false;
    }

    private void Expect(string keyword)
    {
        if (!Accept(keyword))
        {
            throw PartiQLLexer.Malformed($"Expected {keyword.ToUpperInvariant()}");
        }
    }

    private void ExpectSymbol(string symbol, string name)
    {
        if (!AcceptSymbol(symbol))
        {
            throw PartiQLLexer.Malformed($"Expected {name}");
        }
    }

    private Statement Statement()
    {
        if (Accept("SELECT"))
        {
            List<PathOperand>? projection = null;
            if (!AcceptSymbol("*"))
            {
                projection = [Path()];
                while (AcceptSymbol(","))
                {
                    projection.Add(Path());
                }
            }
            Expect("FROM");
            var table = Name();
            string? index = null;
            if (AcceptSymbol("."))
            {
                index = Name();
            }
            Condition? where = Accept("WHERE") ? Or() : null;
            return new SelectStatement(table, index, projection, where);
        }
        if (Accept("INSERT"))
        {
            Expect("INTO");
            var table = Name();
            Expect("VALUE");
            if (!Peek.IsSymbol("{"))
            {
                throw PartiQLLexer.Malformed("Expected a tuple ({...}) after VALUE");
            }
            var item = Value();
            return new InsertStatement(table, item.Json);
        }
        if (Accept("UPDATE"))
        {
            var table = Name();
            var sets = new List<(PathOperand, Operand)>();
            var removes = new List<PathOperand>();
            while (true)
            {
                if (Accept("SET"))
                {
                    do
                    {
                        var path = Path();
                        ExpectSymbol("=", "EQ");
                        sets.Add((path, SetValue()));
                    }
                    while (AcceptSymbol(","));
                }
                else if (Accept("REMOVE"))
                {
                    do
                    {
                        removes.Add(Path());
                    }
                    while (AcceptSymbol(","));
                }
                else
                {
                    break;
                }
            }
            if (sets.Count == 0 && removes.Count == 0)
            {
                throw PartiQLLexer.Malformed("Expected SET or REMOVE");
            }
            Expect("WHERE");
            var where = Or();
            return new UpdateStatement(table, sets, removes, where, Returning());
        }
        if (Accept("DELETE"))
        {
            Expect("FROM");
            var table = Name();
            Expect("WHERE");
            var where = Or();
            return new DeleteStatement(table, where, Returning());
        }
        throw PartiQLLexer.Malformed("Expected data manipulation");
    }

    private string? Returning()
    {
        if (!Accept("RETURNING"))
        {
            return null;
        }
        var scope = Accept("ALL") ? "ALL" : Accept("MODIFIED") ? "UPDATED" : throw PartiQLLexer.Malformed("Expected ALL or MODIFIED");
        var when = Accept("OLD") ? "OLD" : Accept("NEW") ? "NEW" : throw PartiQLLexer.Malformed("Expected OLD or NEW");
        ExpectSymbol("*", "STAR");
        return $"{scope}_{when}";
    }

    private string Name()
    {
        var token = Next();
        return token.Kind is TokenKind.Name or TokenKind.QuotedName ? token.Text : throw PartiQLLexer.Malformed("Expected identifier");
    }

    private PathOperand Path()
    {
        var segments = new List<object> { Name() };
        while (true)
        {
            if (AcceptSymbol("."))
            {
                segments.Add(Name());
            }
            else if (AcceptSymbol("["))
            {
                var index = Next();
                if (index.Kind != TokenKind.Number || !int.TryParse(index.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                {
                    throw PartiQLLexer.Malformed("Expected a list index");
                }
                segments.Add(i);
                ExpectSymbol("]", "RIGHT_BRACKET");
            }
            else
            {
                return new PathOperand(segments);
            }
        }
    }

    private Condition Or()
    {
        var parts = new List<Condition> { And() };
        while (Accept("OR"))
        {
            parts.Add(And());
        }
        return parts.Count == 1 ? parts[0] : new OrCondition(parts);
    }

    private Condition And()
    {
        var parts = new List<Condition> { Not() };
        while (Accept("AND"))
        {
            parts.Add(Not());
        }
        return parts.Count == 1 ? parts[0] : new AndCondition(parts);
    }

    private Condition Not() => Accept("NOT") ? new NotCondition(Not()) : Predicate();

    private Condition Predicate()
    {
        if (AcceptSymbol("("))
        {
            var inner = Or();
            ExpectSymbol(")", "RIGHT_PAREN");
            return inner;
        }
        if (Peek.Kind == TokenKind.Name && _tokens[_position + 1].IsSymbol("(") &&
            Peek.Text.ToLowerInvariant() is "begins_with" or "contains" or "attribute_type")
        {
            var name = Next().Text.ToLowerInvariant();
            _position++;
            var arguments = new List<Operand> { Operand() };
            while (AcceptSymbol(","))
            {
                arguments.Add(Operand());
            }
            ExpectSymbol(")", "RIGHT_PAREN");
            return new FunctionCondition(name, arguments);
        }
        var left = Operand();
        if (Accept("IS"))
        {
            var negated = Accept("NOT");
            if (left is not PathOperand path || !Accept("MISSING"))
            {
                throw PartiQLLexer.Malformed("Expected MISSING");
            }
            return new MissingCondition(path, !negated);
        }
        if (Accept("BETWEEN"))
        {
            var low = Operand();
            Expect("AND");
            return new BetweenCondition(left, low, Operand());
        }
        if (Accept("IN"))
        {
            var close = AcceptSymbol("[") ? "]" : AcceptSymbol("(") ? ")" : throw PartiQLLexer.Malformed("Expected LEFT_BRACKET");
            var candidates = new List<Operand> { Operand() };
            while (AcceptSymbol(","))
            {
                candidates.Add(Operand());
            }
            ExpectSymbol(close, close == "]" ? "RIGHT_BRACKET" : "RIGHT_PAREN");
            return new InCondition(left, candidates);
        }
        var op = Next();
        if (op.Kind != TokenKind.Symbol || op.Text is not ("=" or "<>" or "!=" or "<" or "<=" or ">" or ">="))
        {
            throw PartiQLLexer.Malformed("Expected a comparison");
        }
        return new CompareCondition(left, op.Text == "!=" ? "<>" : op.Text, Operand());
    }

    private Operand Operand() => Peek.Kind is TokenKind.Name or TokenKind.QuotedName && !IsLiteralKeyword(Peek) ? Path() : Value();

    private Operand SetValue()
    {
        Operand left;
        if (Peek.Kind == TokenKind.Name && _tokens[_position + 1].IsSymbol("(") && Peek.Text.Equals("list_append", StringComparison.OrdinalIgnoreCase))
        {
            _position += 2;
            var first = Operand();
            ExpectSymbol(",", "COMMA");
            var second = Operand();
            ExpectSymbol(")", "RIGHT_PAREN");
            left = new FunctionOperand("list_append", [first, second]);
        }
        else
        {
            left = Operand();
        }
        if (Peek.IsSymbol("+") || Peek.IsSymbol("-"))
        {
            var op = Next().Text;
            return new ArithmeticOperand(left, op, Operand());
        }
        return left;
    }

    private static bool IsLiteralKeyword(Token token) => token.Kind == TokenKind.Name && (token.Is("true") || token.Is("false") || token.Is("null"));

    private ValueOperand Value()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Parameter:
                if (_parameter >= _parameters.Count)
                {
                    throw DynamoDbException.Validation("Number of parameters in request and statement don't match.");
                }
                return new ValueOperand(_parameters[_parameter++]);
            case TokenKind.String:
                return new ValueOperand("{\"S\":" + JsonSerializer.Serialize(token.Text) + "}");
            case TokenKind.Number:
                return new ValueOperand("{\"N\":" + JsonSerializer.Serialize(token.Text) + "}");
            case TokenKind.Symbol when token.Text == "-" && Peek.Kind == TokenKind.Number:
                return new ValueOperand("{\"N\":" + JsonSerializer.Serialize("-" + Next().Text) + "}");
            case TokenKind.Name when token.Is("true") || token.Is("false"):
                return new ValueOperand("{\"BOOL\":" + token.Text.ToLowerInvariant() + "}");
            case TokenKind.Name when token.Is("null"):
                return new ValueOperand("{\"NULL\":true}");
            case TokenKind.Symbol when token.Text == "{":
                {
                    var json = new StringBuilder("{\"M\":{");
                    if (!AcceptSymbol("}"))
                    {
                        do
                        {
                            var key = Next();
                            if (key.Kind is not (TokenKind.String or TokenKind.QuotedName or TokenKind.Name))
                            {
                                throw PartiQLLexer.Malformed("Expected a string key in a tuple");
                            }
                            ExpectSymbol(":", "COLON");
                            if (json[^1] != '{')
                            {
                                json.Append(',');
                            }
                            json.Append(JsonSerializer.Serialize(key.Text)).Append(':').Append(Value().Json);
                        }
                        while (AcceptSymbol(","));
                        ExpectSymbol("}", "RIGHT_CURLY");
                    }
                    return new ValueOperand(json.Append("}}").ToString());
                }
            case TokenKind.Symbol when token.Text == "[":
                {
                    var json = new StringBuilder("{\"L\":[");
                    if (!AcceptSymbol("]"))
                    {
                        do
                        {
                            if (json[^1] != '[')
                            {
                                json.Append(',');
                            }
                            json.Append(Value().Json);
                        }
                        while (AcceptSymbol(","));
                        ExpectSymbol("]", "RIGHT_BRACKET");
                    }
                    return new ValueOperand(json.Append("]}").ToString());
                }
            case TokenKind.Symbol when token.Text == "<<":
                {
                    var members = new List<JsonElement>();
                    do
                    {
                        members.Add(JsonDocument.Parse(Value().Json).RootElement);
                    }
                    while (AcceptSymbol(","));
                    ExpectSymbol(">>", "RIGHT_ANGLE_BRACKETS");
                    var type = members[0].EnumerateObject().First().Name;
                    if (type is not ("S" or "N" or "B") || members.Any(m => m.EnumerateObject().First().Name != type))
                    {
                        throw DynamoDbException.Validation("Unsupported type for a set: its members must be all strings, all numbers or all binaries");
                    }
                    var json = new StringBuilder("{\"").Append(type).Append("S\":[");
                    json.AppendJoin(',', members.Select(m => m.EnumerateObject().First().Value.GetRawText()));
                    return new ValueOperand(json.Append("]}").ToString());
                }
            default:
                throw PartiQLLexer.Malformed(token.Kind == TokenKind.End ? "Unexpected end of statement" : $"Unexpected token '{token.Text}'");
        }
    }
}
