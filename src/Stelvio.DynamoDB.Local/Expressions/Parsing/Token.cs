namespace Stelvio.DynamoDB.Local.Expressions.Parsing;

internal enum TokenKind
{
    End,
    Name,
    NameRef,
    ValueRef,
    Number,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Dot,
    Plus,
    Minus,

    /// <summary>A character no token starts with (e.g. <c>_</c>, <c>!</c>, a lone <c>#</c>); a syntax error wherever it is.</summary>
    Invalid,
}

/// <summary>A token of an expression: its kind and where it is in the text.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}
