namespace Stelvio.Aws.DynamoDB;

/// <summary>Which attributes an index copies.</summary>
public enum ProjectionType
{
    /// <summary>Only the table and index keys (the default).</summary>
    KeysOnly,

    /// <summary>Every attribute.</summary>
    All,

    /// <summary>The keys plus a list of attributes.</summary>
    Include,
}

/// <summary>
/// An index projection: <c>"keys-only"</c> (the default), <c>"all"</c>, a list of attribute names, or a
/// <see cref="ProjectionType"/>. Key attributes are always projected, so naming them in the list is
/// unnecessary: they are dropped from it with a warning.
/// </summary>
public sealed class Projection
{
    private Projection(ProjectionType? type, IReadOnlyList<string> attributes, string? text)
    {
        Type = type;
        Attributes = attributes;
        Text = text;
    }

    /// <summary>Only keys are projected.</summary>
    public static Projection KeysOnly { get; } = new(ProjectionType.KeysOnly, [], null);

    /// <summary>All attributes are projected.</summary>
    public static Projection All { get; } = new(ProjectionType.All, [], null);

    /// <summary>The keys, or null when the text given was not a known spelling.</summary>
    public ProjectionType? Type { get; }

    /// <summary>The attributes of an <see cref="ProjectionType.Include"/> projection, as given.</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>The text given, when given as text.</summary>
    public string? Text { get; }

    /// <summary>The spellings accepted.</summary>
    public const string AcceptedSpellings = "\"keys-only\", \"all\", a list of attribute names, or ProjectionType.KeysOnly/All";

    /// <summary>The keys plus the named attributes.</summary>
    public static Projection Include(params IEnumerable<string> attributes) => new(ProjectionType.Include, [.. attributes], null);

    /// <summary>A projection from text (see <see cref="AcceptedSpellings"/>); a misspelling is reported at synth.</summary>
    public static implicit operator Projection(string text) => new(Parse(text), [], text);

    /// <summary>The keys plus the named attributes, as <see cref="Include"/>.</summary>
    public static implicit operator Projection(string[] attributes) => Include(attributes);

    /// <summary>The keys plus the named attributes, as <see cref="Include"/>.</summary>
    public static implicit operator Projection(List<string> attributes) => Include(attributes);

    /// <summary>The projection of this type (with no attributes for <see cref="ProjectionType.Include"/>).</summary>
    public static implicit operator Projection(ProjectionType type) => type switch
    {
        ProjectionType.KeysOnly => KeysOnly,
        ProjectionType.All => All,
        ProjectionType.Include => new Projection(ProjectionType.Include, [], null),
        _ => new Projection(null, [], type.ToString()),
    };

    private static ProjectionType? Parse(string? text) => text?.Trim().ToLowerInvariant().Replace('_', '-') switch
    {
        "keys-only" or "keys" => ProjectionType.KeysOnly,
        "all" => ProjectionType.All,
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString() => Text ?? (Type == ProjectionType.Include ? "[" + string.Join(", ", Attributes) + "]" : Type?.ToString() ?? "");
}
