namespace Stelvio.Aws.DynamoDB;

/// <summary>The DynamoDB type of a key attribute.</summary>
public enum FieldType
{
    /// <summary><c>S</c>: text, IDs.</summary>
    String,

    /// <summary><c>N</c>: numbers.</summary>
    Number,

    /// <summary><c>B</c>: binary data.</summary>
    Binary,
}

/// <summary>
/// A field's type as given in <see cref="DynamoTableConfig.Fields"/>: a <see cref="FieldType"/>, a friendly
/// name (<c>"string"</c>, <c>"number"</c>, <c>"binary"</c>, any case) or DynamoDB's letter (<c>"S"</c>, <c>"N"</c>, <c>"B"</c>).
/// A spelling that is none of these is reported by the table, naming the field.
/// </summary>
public readonly record struct Field
{
    private Field(FieldType? type, string? text)
    {
        Type = type;
        Text = text;
    }

    /// <summary>The type, or null when the text given was not a known spelling.</summary>
    public FieldType? Type { get; }

    /// <summary>The text given, when the field was given as text.</summary>
    public string? Text { get; }

    /// <summary>The spellings accepted as text.</summary>
    public const string AcceptedSpellings = "\"string\", \"number\", \"binary\", \"S\", \"N\", \"B\" or FieldType.String/Number/Binary";

    /// <summary>A field of this type.</summary>
    public static implicit operator Field(FieldType type) => Enum.IsDefined(type) ? new(type, null) : new(null, type.ToString());

    /// <summary>A field from its type as text (see <see cref="AcceptedSpellings"/>); a misspelling is reported at synth.</summary>
    public static implicit operator Field(string text) => new(Parse(text), text);

    /// <summary>DynamoDB's attribute type letter.</summary>
    internal string AttributeType => Type switch
    {
        FieldType.String => "S",
        FieldType.Number => "N",
        FieldType.Binary => "B",
        _ => throw new InvalidOperationException("Field type is not valid."),
    };

    private static FieldType? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "string" or "s" => FieldType.String,
        "number" or "n" => FieldType.Number,
        "binary" or "b" => FieldType.Binary,
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString() => Text ?? Type?.ToString() ?? "";
}
