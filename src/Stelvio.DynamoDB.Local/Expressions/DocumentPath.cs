namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>One step of a document path: an attribute or map key name, or a list index.</summary>
internal readonly record struct PathElement(string? Name, int Index)
{
    public bool IsIndex => Name is null;

    public static PathElement Key(string name) => new(name, -1);

    public static PathElement At(int index) => new(null, index);
}

/// <summary>A resolved document path such as <c>a.b[2].c</c> (names already substituted).</summary>
internal sealed class DocumentPath(IReadOnlyList<PathElement> elements)
{
    public IReadOnlyList<PathElement> Elements { get; } = elements;

    /// <summary>The top-level attribute name the path starts at.</summary>
    public string Root => Elements[0].Name!;
}
