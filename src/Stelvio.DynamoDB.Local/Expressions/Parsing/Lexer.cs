namespace Stelvio.DynamoDB.Local.Expressions.Parsing;

/// <summary>
/// Splits an expression into tokens as DynamoDB's lexer does: names start with a letter and go on with
/// letters, digits and underscores; <c>#name</c> and <c>:value</c> references go on with letters, digits and
/// underscores; digits form a number (list indexes); anything else is a one-character invalid token.
/// </summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(Math.Max(4, text.Length / 3));
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                i++;
                continue;
            }
            var start = i;
            TokenKind kind;
            if (IsLetter(c))
            {
                i++;
                while (i < text.Length && IsWordPart(text[i]))
                {
                    i++;
                }
                kind = TokenKind.Name;
            }
            else if (c is >= '0' and <= '9')
            {
                while (i < text.Length && text[i] is >= '0' and <= '9')
                {
                    i++;
                }
                kind = TokenKind.Number;
            }
            else if ((c == '#' || c == ':') && i + 1 < text.Length && IsWordPart(text[i + 1]))
            {
                i++;
                while (i < text.Length && IsWordPart(text[i]))
                {
                    i++;
                }
                kind = c == '#' ? TokenKind.NameRef : TokenKind.ValueRef;
            }
            else
            {
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                (kind, var length) = c switch
                {
                    '<' when next == '>' => (TokenKind.NotEqual, 2),
                    '<' when next == '=' => (TokenKind.LessOrEqual, 2),
                    '>' when next == '=' => (TokenKind.GreaterOrEqual, 2),
                    '<' => (TokenKind.Less, 1),
                    '>' => (TokenKind.Greater, 1),
                    '=' => (TokenKind.Equal, 1),
                    '(' => (TokenKind.OpenParen, 1),
                    ')' => (TokenKind.CloseParen, 1),
                    '[' => (TokenKind.OpenBracket, 1),
                    ']' => (TokenKind.CloseBracket, 1),
                    ',' => (TokenKind.Comma, 1),
                    '.' => (TokenKind.Dot, 1),
                    '+' => (TokenKind.Plus, 1),
                    '-' => (TokenKind.Minus, 1),
                    _ => (TokenKind.Invalid, char.IsSurrogatePair(c, next) ? 2 : 1),
                };
                i += length;
            }
            tokens.Add(new Token(kind, start, i - start));
        }
        tokens.Add(new Token(TokenKind.End, text.Length, 0));
        return tokens;
    }

    private static bool IsLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsWordPart(char c) => IsLetter(c) || c is (>= '0' and <= '9') or '_';
}
