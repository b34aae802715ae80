using System.Globalization;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions.Parsing;

/// <summary>
/// What the expression grammars share: tokens, document paths, operands and function calls, name and value
/// references, and AWS's wording for syntax errors (the offending token and the tokens around it).
/// </summary>
internal abstract class ParserBase
{
    private HashSet<object>? _parenthesized;
    private int[]? _matching;

    protected ParserBase(string text, ExpressionContext context, string label)
    {
        Text = text;
        Context = context;
        Label = label;
        Tokens = Lexer.Tokenize(text);
    }

    protected string Text { get; }

    protected ExpressionContext Context { get; }

    /// <summary>The request parameter the expression came in, e.g. <c>ConditionExpression</c>.</summary>
    protected string Label { get; }

    protected List<Token> Tokens { get; }

    /// <summary>For each '(' token, the index of its matching ')' (or -1); computed when first needed.</summary>
    protected int[] Matching => _matching ??= MatchParentheses(Tokens);

    protected Problems Problems { get; } = new();

    protected int Pos { get; set; }

    protected Token Current => Tokens[Pos];

    protected TokenKind Kind => Tokens[Pos].Kind;

    protected TokenKind KindAt(int index) => index < Tokens.Count ? Tokens[index].Kind : TokenKind.End;

    protected string TextOf(Token token) => Text.Substring(token.Start, token.Length);

    protected bool IsKeyword(Token token, string keyword) =>
        token.Kind == TokenKind.Name && Text.AsSpan(token.Start, token.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the token is one of this grammar's keywords (never a name there).</summary>
    protected abstract bool IsKeyword(Token token);

    protected SyntaxError Syntax() => new(Pos);

    protected void Expect(TokenKind kind)
    {
        if (Kind != kind)
        {
            throw Syntax();
        }
        Pos++;
    }

    /// <summary>Checks the empty and length limits every expression has, with AWS's messages.</summary>
    protected static void CheckText(string text, string label)
    {
        if (text.Length == 0)
        {
            throw DynamoDbException.Validation($"Invalid {label}: The expression can not be empty;");
        }
        var size = text.Length <= ExpressionParser.MaxExpressionBytes / 3 ? text.Length : System.Text.Encoding.UTF8.GetByteCount(text);
        if (size > ExpressionParser.MaxExpressionBytes)
        {
            throw DynamoDbException.Validation(
                $"Invalid {label}: Expression size has exceeded the maximum allowed size; expression size: {size.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>AWS's message for a syntax error: the offending token, and the text from the token before it to the one after.</summary>
    protected DynamoDbException SyntaxException(SyntaxError error)
    {
        var index = Math.Min(error.TokenIndex, Tokens.Count - 1);
        var bad = Tokens[index];
        var first = index > 0 ? Tokens[index - 1] : bad;
        var last = bad.Kind != TokenKind.End && Tokens[index + 1].Kind != TokenKind.End ? Tokens[index + 1] : bad;
        var token = bad.Kind == TokenKind.End ? "<EOF>" : TextOf(bad);
        var near = bad.Kind == TokenKind.End ? TextOf(first) : Text[first.Start..Math.Max(first.End, last.End)];
        return DynamoDbException.Validation($"Invalid {Label}: Syntax error; token: \"{token}\", near: \"{near}\"");
    }

    protected DynamoDbException Invalid(string message) => DynamoDbException.Validation($"Invalid {Label}: {message}");

    protected DocumentPath ParsePath()
    {
        var elements = new List<PathElement>(2) { ParsePathName() };
        while (true)
        {
            if (Kind == TokenKind.Dot)
            {
                Pos++;
                elements.Add(ParsePathName());
            }
            else if (Kind == TokenKind.OpenBracket)
            {
                Pos++;
                if (Kind != TokenKind.Number || !int.TryParse(Text.AsSpan(Current.Start, Current.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw Syntax();
                }
                Pos++;
                Expect(TokenKind.CloseBracket);
                elements.Add(PathElement.At(index));
            }
            else
            {
                return new DocumentPath(elements);
            }
        }
    }

    private PathElement ParsePathName()
    {
        var token = Current;
        if (token.Kind == TokenKind.Name && !IsKeyword(token))
        {
            Pos++;
            var name = TextOf(token);
            if (ReservedWords.Contains(name))
            {
                Problems.Note(ref Problems.Reserved, "Attribute name is a reserved keyword; reserved keyword: " + name);
            }
            return PathElement.Key(name);
        }
        if (token.Kind == TokenKind.NameRef)
        {
            Pos++;
            return PathElement.Key(ResolveName(token));
        }
        throw Syntax();
    }

    private string ResolveName(Token token)
    {
        var reference = TextOf(token);
        if (Context.TryResolveName(reference, out var name))
        {
            return name;
        }
        var message = "An expression attribute name used in the document path is not defined; attribute name: " + reference;
        Problems.Note(ref Problems.UndefinedName, message);
        Problems.Note(ref Problems.UndefinedNameOrValue, message);
        return reference;
    }

    protected AttributeValue ResolveValue(Token token)
    {
        TryResolveValue(token, out var value);
        return value;
    }

    /// <summary>Resolves a <c>:value</c> token; an undefined one is noted as a problem and resolves to NULL.</summary>
    protected bool TryResolveValue(Token token, out AttributeValue value)
    {
        var reference = TextOf(token);
        if (Context.TryResolveValue(reference, out value))
        {
            return true;
        }
        var message = "An expression attribute value used in expression is not defined; attribute value: " + reference;
        Problems.Note(ref Problems.UndefinedValue, message);
        Problems.Note(ref Problems.UndefinedNameOrValue, message);
        return false;
    }

    /// <summary>
    /// An operand: <c>(operand)</c>, a <c>:value</c>, a document path, or a function call <c>name(operand, …)</c>
    /// (returned as a <see cref="FunctionCall"/> for the caller to interpret).
    /// </summary>
    protected Operand ParseOperand()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.OpenParen:
                {
                    Pos++;
                    var inner = ParseOperand();
                    Expect(TokenKind.CloseParen);
                    MarkParenthesized(inner);
                    return inner;
                }
            case TokenKind.ValueRef:
                Pos++;
                return new ValueOperand(ResolveValue(token));
            case TokenKind.Name when !IsKeyword(token) && KindAt(Pos + 1) == TokenKind.OpenParen:
                {
                    var name = TextOf(token);
                    Pos += 2;
                    var arguments = new List<Operand>(2) { ParseOperand() };
                    while (Kind == TokenKind.Comma)
                    {
                        Pos++;
                        arguments.Add(ParseOperand());
                    }
                    Expect(TokenKind.CloseParen);
                    return new FunctionCall(name, arguments);
                }
            case TokenKind.Name:
            case TokenKind.NameRef:
                return new PathOperand(ParsePath());
            default:
                throw Syntax();
        }
    }

    /// <summary>Notes that <paramref name="node"/> stood in parentheses; a second pair around it is AWS's redundant-parentheses error.</summary>
    protected void MarkParenthesized(object node)
    {
        if (!(_parenthesized ??= new HashSet<object>(ReferenceEqualityComparer.Instance)).Add(node))
        {
            Problems.Note(ref Problems.RedundantParentheses, "The expression has redundant parentheses;");
        }
    }

    protected static string OperandCountMessage(string function, int count) =>
        $"Incorrect number of operands for operator or function; operator or function: {function}, number of operands: {count.ToString(CultureInfo.InvariantCulture)}";

    protected static string OperandTypeMessage(string function, string type) =>
        $"Incorrect operand type for operator or function; operator or function: {function}, operand type: {type}";

    protected static string RequiresPathMessage(string function) =>
        "Operator or function requires a document path; operator or function: " + function;

    protected static string MisusedMessage(string function) =>
        "The function is not allowed to be used this way in an expression; function: " + function;

    protected static string UnknownFunctionMessage(string function) => "Invalid function name; function: " + function;

    /// <summary>Notes overlap and conflict of <paramref name="path"/> with the earlier ones, as DynamoDB checks them.</summary>
    protected void CheckPathAgainst(List<DocumentPath> earlier, DocumentPath path)
    {
        if (Problems.Overlap is not null)
        {
            return;
        }
        foreach (var previous in earlier)
        {
            switch (previous.RelationTo(path))
            {
                case PathRelation.Overlap:
                    Problems.Overlap = $"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: {previous}, path two: {path}";
                    return;
                case PathRelation.Conflict:
                    Problems.Note(ref Problems.Conflict, $"Two document paths conflict with each other; must remove or rewrite one of these paths; path one: {previous}, path two: {path}");
                    break;
            }
        }
        earlier.Add(path);
    }

    private static int[] MatchParentheses(List<Token> tokens)
    {
        var matching = new int[tokens.Count];
        var open = new Stack<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            matching[i] = -1;
            if (tokens[i].Kind == TokenKind.OpenParen)
            {
                open.Push(i);
            }
            else if (tokens[i].Kind == TokenKind.CloseParen && open.Count > 0)
            {
                matching[open.Pop()] = i;
            }
        }
        return matching;
    }
}
