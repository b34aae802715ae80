using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// The parts of an item at given document paths, nested as in the item (lists keep only the selected elements, in
/// order): what UPDATED_OLD and UPDATED_NEW return.
/// </summary>
internal static class PathProjection
{
    public static Dictionary<string, AttributeValue> Project(IReadOnlyDictionary<string, AttributeValue> item, IReadOnlyList<DocumentPath> paths)
    {
        var root = new Node();
        foreach (var path in paths)
        {
            if (TryGet(item, path, out var value))
            {
                var node = root;
                for (var i = 0; i < path.Elements.Count && node.Leaf is null; i++)
                {
                    var element = path.Elements[i];
                    Node next;
                    if (element.IsIndex)
                    {
                        node.List ??= new SortedDictionary<int, Node>();
                        if (!node.List.TryGetValue(element.Index, out next!))
                        {
                            next = node.List[element.Index] = new Node();
                        }
                    }
                    else
                    {
                        node.Map ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                        if (!node.Map.TryGetValue(element.Name!, out next!))
                        {
                            next = node.Map[element.Name!] = new Node();
                        }
                    }
                    node = next;
                }
                if (node.Leaf is null)
                {
                    node.Leaf = value;
                    node.Map = null;
                    node.List = null;
                }
            }
        }
        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        if (root.Map is not null)
        {
            foreach (var (name, node) in root.Map)
            {
                result[name] = node.ToValue();
            }
        }
        return result;
    }

    public static bool TryGet(IReadOnlyDictionary<string, AttributeValue> item, DocumentPath path, out AttributeValue value)
    {
        value = null!;
        if (!item.TryGetValue(path.Root, out var current))
        {
            return false;
        }
        for (var i = 1; i < path.Elements.Count; i++)
        {
            var element = path.Elements[i];
            if (element.IsIndex)
            {
                if (current.Type != AttributeType.L || element.Index >= current.L.Count)
                {
                    return false;
                }
                current = current.L[element.Index];
            }
            else
            {
                if (current.Type != AttributeType.M || !current.M.TryGetValue(element.Name!, out var next))
                {
                    return false;
                }
                current = next;
            }
        }
        value = current;
        return true;
    }

    private sealed class Node
    {
        public AttributeValue? Leaf;
        public Dictionary<string, Node>? Map;
        public SortedDictionary<int, Node>? List;

        public AttributeValue ToValue()
        {
            if (Leaf is not null)
            {
                return Leaf;
            }
            if (List is not null)
            {
                var elements = new List<AttributeValue>(List.Count);
                foreach (var node in List.Values)
                {
                    elements.Add(node.ToValue());
                }
                return AttributeValue.FromList(elements);
            }
            var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var (name, node) in Map!)
            {
                map[name] = node.ToValue();
            }
            return AttributeValue.FromMap(map);
        }
    }
}
