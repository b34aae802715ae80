using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>
/// A parsed ProjectionExpression (or legacy AttributesToGet, or an update's paths for UPDATED_* values):
/// reduces an item to the projected paths. A nested path keeps the maps and lists above it; list elements
/// projected from one list come back in index order, without gaps; paths the item lacks are left out.
/// </summary>
internal sealed class Projection
{
    private readonly Node _root = new();
    private readonly bool _topLevelOnly = true;
    private readonly string[] _topLevelNames;

    public Projection(IReadOnlyList<DocumentPath> paths)
    {
        Paths = paths;
        var names = new List<string>(paths.Count);
        foreach (var path in paths)
        {
            _topLevelOnly &= path.IsTopLevel;
            var node = _root;
            foreach (var element in path.Elements)
            {
                node = element.IsIndex ? node.Index(element.Index) : node.Child(element.Name!);
            }
            node.Whole = true;
            if (!names.Contains(path.Root))
            {
                names.Add(path.Root);
            }
        }
        _topLevelNames = [.. names];
    }

    /// <summary>The projected document paths.</summary>
    public IReadOnlyList<DocumentPath> Paths { get; }

    /// <summary>The distinct top-level attribute names the paths start at, in order.</summary>
    public IReadOnlyCollection<string> TopLevelNames => _topLevelNames;

    /// <summary>The item reduced to the projected paths.</summary>
    public IReadOnlyDictionary<string, AttributeValue> Apply(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var result = new Dictionary<string, AttributeValue>(_topLevelNames.Length, StringComparer.Ordinal);
        if (_topLevelOnly)
        {
            foreach (var name in _topLevelNames)
            {
                if (item.TryGetValue(name, out var value))
                {
                    result[name] = value;
                }
            }
            return result;
        }
        foreach (var (name, node) in _root.Names!)
        {
            if (item.TryGetValue(name, out var value) && Project(value, node) is { } projected)
            {
                result[name] = projected;
            }
        }
        return result;
    }

    private static AttributeValue? Project(AttributeValue value, Node node)
    {
        if (node.Whole)
        {
            return value;
        }
        if (node.Names is { } names && value.Type == AttributeType.M)
        {
            Dictionary<string, AttributeValue>? map = null;
            foreach (var (name, child) in names)
            {
                if (value.M.TryGetValue(name, out var element) && Project(element, child) is { } projected)
                {
                    (map ??= new Dictionary<string, AttributeValue>(StringComparer.Ordinal))[name] = projected;
                }
            }
            return map is null ? null : AttributeValue.FromMap(map);
        }
        if (node.Indexes is { } indexes && value.Type == AttributeType.L)
        {
            List<AttributeValue>? list = null;
            foreach (var (index, child) in indexes)
            {
                if (index < value.L.Count && Project(value.L[index], child) is { } projected)
                {
                    (list ??= []).Add(projected);
                }
            }
            return list is null ? null : AttributeValue.FromList(list);
        }
        return null;
    }

    private sealed class Node
    {
        public bool Whole;
        public Dictionary<string, Node>? Names;
        public SortedDictionary<int, Node>? Indexes;

        public Node Child(string name)
        {
            Names ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!Names.TryGetValue(name, out var node))
            {
                Names[name] = node = new Node();
            }
            return node;
        }

        public Node Index(int index)
        {
            Indexes ??= [];
            if (!Indexes.TryGetValue(index, out var node))
            {
                Indexes[index] = node = new Node();
            }
            return node;
        }
    }
}
