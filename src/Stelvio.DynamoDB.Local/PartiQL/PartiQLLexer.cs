using System.Text;
using Stelvio.DynamoDB.Local.Errors;

namespace Stelvio.DynamoDB.Local.PartiQL;

internal enum TokenKind
{
    Name,
    QuotedName,
    String,
    Number,
    Parameter,
    Symbol,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text)
{
    public bool Is(string keyword) => Kind == TokenKind.Name && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;
}

/// <summary>Splits a PartiQL statement into tokens: names (bare or "quoted"), 'strings', numbers, ? and symbols.</summary>
internal static class PartiQLLexer
{
    public static DynamoDbException Malformed(string detail) =>
        DynamoDbException.Validation("Statement wasn't well formed, can't be processed: " + detail);

    public static List<Token> Tokenize(string statement)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < statement.Length)
        {
            var c = statement[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'' || c == '"')
            {
                var text = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= statement.Length)
                    {
                        throw Malformed(c == '\'' ? "Unterminated string literal" : "Unterminated quoted identifier");
                    }
                    if (statement[i] == c)
                    {
                        if (i + 1 < statement.Length && statement[i + 1] == c)
                        {
                            text.Append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.Append(statement[i++]);
                }
                tokens.Add(new Token(c == '\'' ? TokenKind.String : TokenKind.QuotedName, text.ToString()));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < statement.Length && char.IsAsciiDigit(statement[i + 1])))
            {
                var start = i;
                while (i < statement.Length && (char.IsAsciiDigit(statement[i]) || statement[i] == '.'))
                {
                    i++;
                }
                if (i < statement.Length && (statement[i] == 'e' || statement[i] == 'E'))
                {
                    i++;
                    if (i < statement.Length && (statement[i] == '+' || statement[i] == '-'))
                    {
                        i++;
                    }
                    while (i < statement.Length && char.IsAsciiDigit(statement[i]))
                    {
                        i++;
                    }
                }
                tokens.Add(new Token(TokenKind.Number, statement[start..i]));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < statement.Length && (char.IsLetterOrDigit(statement[i]) || statement[i] == '_' || statement[i] == '$'))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Name, statement[start..i]));
            }
            else if (c == '?')
            {
                tokens.Add(new Token(TokenKind.Parameter, "?"));
                i++;
            }
            else
            {
                var two = i + 1 < statement.Length ? statement.Substring(i, 2) : "";
                if (two is "<=" or ">=" or "<>" or "!=" or "<<" or ">>")
                {
                    tokens.Add(new Token(TokenKind.Symbol, two));
                    i += 2;
                }
                else if ("=<>(),.[]{}:*+-;".Contains(c, StringComparison.Ordinal))
                {
                    tokens.Add(new Token(TokenKind.Symbol, c.ToString()));
                    i++;
                }
                else
                {
                    throw Malformed($"Unexpected character '{c}'");
                }
            }
        }
        while (tokens.Count > 0 && tokens[^1].IsSymbol(";"))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }
        tokens.Add(new Token(TokenKind.End, ""));
        return tokens;
    }
}
