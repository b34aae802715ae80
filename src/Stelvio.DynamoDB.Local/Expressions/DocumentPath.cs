using System.Globalization;
using System.Text;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>One step of a document path: an attribute or map key name, or a list index.</summary>
internal readonly record struct PathElement(string? Name, int Index)
{
    public bool IsIndex => Name is null;

    public static PathElement Key(string name) => new(name, -1);

    public static PathElement At(int index) => new(null, index);

    /// <summary>As DynamoDB prints it in errors: the name, or the index in brackets.</summary>
    public override string ToString() => Name ?? "[" + Index.ToString(CultureInfo.InvariantCulture) + "]";
}

/// <summary>A resolved document path such as <c>a.b[2].c</c> (names already substituted).</summary>
internal sealed class DocumentPath
{
    public DocumentPath(IReadOnlyList<PathElement> elements)
    {
        if (elements.Count == 0 || elements[0].IsIndex)
        {
            throw new ArgumentException("A document path starts with an attribute name.", nameof(elements));
        }
        Elements = elements;
    }

    public DocumentPath(string topLevelName)
        : this([PathElement.Key(topLevelName)])
    {
    }

    public IReadOnlyList<PathElement> Elements { get; }

    /// <summary>The top-level attribute name the path starts at.</summary>
    public string Root => Elements[0].Name!;

    public bool IsTopLevel => Elements.Count == 1;

    /// <summary>The value at this path in <paramref name="item"/>, or null when there is none.</summary>
    public AttributeValue? Resolve(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        if (item is null || !item.TryGetValue(Root, out var value))
        {
            return null;
        }
        for (var i = 1; i < Elements.Count; i++)
        {
            var element = Elements[i];
            if (element.IsIndex)
            {
                if (value.Type != AttributeType.L || element.Index >= value.L.Count)
                {
                    return null;
                }
                value = value.L[element.Index];
            }
            else
            {
                if (value.Type != AttributeType.M || !value.M.TryGetValue(element.Name!, out var child))
                {
                    return null;
                }
                value = child;
            }
        }
        return value;
    }

    /// <summary>
    /// Compares two paths as DynamoDB does for overlap and conflict: <see cref="PathRelation.Overlap"/> when one
    /// is a prefix of the other (or they are equal), <see cref="PathRelation.Conflict"/> when, after a common
    /// prefix, one steps into a map and the other into a list.
    /// </summary>
    public PathRelation RelationTo(DocumentPath other)
    {
        var length = Math.Min(Elements.Count, other.Elements.Count);
        for (var i = 0; i < length; i++)
        {
            var a = Elements[i];
            var b = other.Elements[i];
            if (a.IsIndex != b.IsIndex)
            {
                return PathRelation.Conflict;
            }
            if (a.IsIndex ? a.Index != b.Index : !string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return PathRelation.Distinct;
            }
        }
        return PathRelation.Overlap;
    }

    /// <summary>As DynamoDB prints a path in errors: <c>[a, b, [2], c]</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < Elements.Count; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(Elements[i].ToString());
        }
        return text.Append(']').ToString();
    }

    public bool SameAs(DocumentPath other) =>
        Elements.Count == other.Elements.Count && RelationTo(other) == PathRelation.Overlap;
}

internal enum PathRelation
{
    Distinct,
    Overlap,
    Conflict,
}
