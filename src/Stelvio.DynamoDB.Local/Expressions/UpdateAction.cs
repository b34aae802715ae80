using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>
/// A parsed UpdateExpression (or legacy AttributeUpdates): applies to an item, giving a new item. As DynamoDB
/// does, every SET value is read from the item before anything is written; writes then go in path order
/// (so list elements set past the end are appended by index) and removals last, highest list index first
/// (so indexes refer to the list as it was).
/// </summary>
internal sealed class UpdateAction
{
    private readonly UpdateClause[] _clauses;
    private readonly int[] _order;
    private Projection? _projection;

    public UpdateAction(IReadOnlyList<UpdateClause> clauses)
    {
        _clauses = [.. clauses];
        var paths = new DocumentPath[_clauses.Length];
        for (var i = 0; i < _clauses.Length; i++)
        {
            paths[i] = _clauses[i].Path;
        }
        Paths = paths;
        _order = ApplyOrder(_clauses);
    }

    public IReadOnlyList<UpdateClause> Clauses => _clauses;

    /// <summary>Every document path the update writes or removes, as written (for key-attribute checks).</summary>
    public IReadOnlyList<DocumentPath> Paths { get; }

    /// <summary>The projection of the updated paths: UPDATED_OLD and UPDATED_NEW return values apply it to the old or new item.</summary>
    public Projection UpdatedPaths => _projection ??= new Projection(Paths);

    /// <summary>The updated item; <paramref name="item"/> (null when there is none) is not modified.</summary>
    public IReadOnlyDictionary<string, AttributeValue> Apply(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        var old = item ?? AttributeValue.EmptyMap;
        var setValues = new AttributeValue?[_clauses.Length];
        for (var i = 0; i < _clauses.Length; i++)
        {
            if (_clauses[i] is SetClause set)
            {
                setValues[i] = set.Value.EvaluateForUpdate(old);
            }
        }
        var result = new Dictionary<string, AttributeValue>(old, StringComparer.Ordinal);
        foreach (var i in _order)
        {
            Write(result, _clauses[i], setValues[i], item is not null);
        }
        return result;
    }

    private static void Write(Dictionary<string, AttributeValue> root, UpdateClause clause, AttributeValue? setValue, bool itemExists)
    {
        var path = clause.Path;
        root.TryGetValue(path.Root, out var top);
        if (path.IsTopLevel)
        {
            if (Change(clause, top, setValue) is { } next)
            {
                root[path.Root] = next;
            }
            else
            {
                root.Remove(path.Root);
            }
            return;
        }
        if (top is null)
        {
            if (clause is RemoveClause && !itemExists)
            {
                return;
            }
            throw UpdateErrors.InvalidPath();
        }
        root[path.Root] = Rebuild(top, clause, 1, setValue);
    }

    /// <summary>The container at path element <paramref name="depth"/> − 1 with the change made below it.</summary>
    private static AttributeValue Rebuild(AttributeValue container, UpdateClause clause, int depth, AttributeValue? setValue)
    {
        var element = clause.Path.Elements[depth];
        var last = depth == clause.Path.Elements.Count - 1;
        if (element.IsIndex)
        {
            if (container.Type != AttributeType.L)
            {
                throw UpdateErrors.InvalidPath();
            }
            var list = container.L;
            var index = element.Index;
            if (!last)
            {
                if (index >= list.Count)
                {
                    throw UpdateErrors.InvalidPath();
                }
                return AttributeValue.FromList(Replace(list, index, Rebuild(list[index], clause, depth + 1, setValue)));
            }
            var current = index < list.Count ? list[index] : null;
            if (clause is RemoveClause && current is null)
            {
                return container;
            }
            var next = Change(clause, current, setValue);
            if (next is null)
            {
                return current is null ? container : AttributeValue.FromList(RemoveAt(list, index));
            }
            if (current is not null)
            {
                return AttributeValue.FromList(Replace(list, index, next));
            }
            var appended = new List<AttributeValue>(list.Count + 1);
            appended.AddRange(list);
            appended.Add(next);
            return AttributeValue.FromList(appended);
        }
        else
        {
            if (container.Type != AttributeType.M)
            {
                throw UpdateErrors.InvalidPath();
            }
            var map = container.M;
            var name = element.Name!;
            map.TryGetValue(name, out var current);
            AttributeValue? next;
            if (last)
            {
                if (clause is RemoveClause && current is null)
                {
                    return container;
                }
                next = Change(clause, current, setValue);
            }
            else
            {
                next = Rebuild(current ?? throw UpdateErrors.InvalidPath(), clause, depth + 1, setValue);
            }
            var copy = new Dictionary<string, AttributeValue>(map, StringComparer.Ordinal);
            if (next is null)
            {
                copy.Remove(name);
            }
            else
            {
                copy[name] = next;
            }
            return AttributeValue.FromMap(copy);
        }
    }

    /// <summary>The new value at a clause's path given the current one (null: none, or remove).</summary>
    private static AttributeValue? Change(UpdateClause clause, AttributeValue? current, AttributeValue? setValue) => clause switch
    {
        SetClause => setValue,
        RemoveClause => null,
        AddClause add => Add(current, add),
        DeleteClause delete => Delete(current, delete),
        _ => throw new InvalidOperationException("Unknown update clause " + clause.GetType().Name),
    };

    private static AttributeValue Add(AttributeValue? current, AddClause add)
    {
        var value = add.Value;
        if (current is null)
        {
            return value;
        }
        if (current.Type == value.Type)
        {
            switch (value.Type)
            {
                case AttributeType.N:
                    return AttributeValue.FromNumber(current.N + value.N);
                case AttributeType.SS:
                    return AttributeValue.FromStringSet(Union(current.SS, value.SS, StringComparer.Ordinal));
                case AttributeType.NS:
                    return AttributeValue.FromNumberSet(Union(current.NS, value.NS, EqualityComparer<DynamoNumber>.Default));
                case AttributeType.BS:
                    return AttributeValue.FromBinarySet(Union(current.BS, value.BS, ByteArrayComparer.Instance));
                case AttributeType.L when add.Legacy:
                    {
                        var elements = new List<AttributeValue>(current.L.Count + value.L.Count);
                        elements.AddRange(current.L);
                        elements.AddRange(value.L);
                        return AttributeValue.FromList(elements);
                    }
            }
        }
        throw add.Legacy ? UpdateErrors.TypeMismatch() : UpdateErrors.IncorrectType();
    }

    private static AttributeValue? Delete(AttributeValue? current, DeleteClause delete)
    {
        var value = delete.Value;
        if (current is null)
        {
            return null;
        }
        if (current.Type == value.Type)
        {
            switch (value.Type)
            {
                case AttributeType.SS:
                    return Difference(current.SS, value.SS, StringComparer.Ordinal) is { } ss ? AttributeValue.FromStringSet(ss) : null;
                case AttributeType.NS:
                    return Difference(current.NS, value.NS, EqualityComparer<DynamoNumber>.Default) is { } ns ? AttributeValue.FromNumberSet(ns) : null;
                case AttributeType.BS:
                    return Difference(current.BS, value.BS, ByteArrayComparer.Instance) is { } bs ? AttributeValue.FromBinarySet(bs) : null;
            }
        }
        throw delete.Legacy ? UpdateErrors.TypeMismatch() : UpdateErrors.IncorrectType();
    }

    private static List<T> Union<T>(IReadOnlyList<T> current, IReadOnlyList<T> added, IEqualityComparer<T> comparer)
    {
        var members = new List<T>(current.Count + added.Count);
        members.AddRange(current);
        var seen = new HashSet<T>(current, comparer);
        foreach (var member in added)
        {
            if (seen.Add(member))
            {
                members.Add(member);
            }
        }
        return members;
    }

    private static List<T>? Difference<T>(IReadOnlyList<T> current, IReadOnlyList<T> removed, IEqualityComparer<T> comparer)
    {
        var gone = new HashSet<T>(removed, comparer);
        var members = new List<T>(current.Count);
        foreach (var member in current)
        {
            if (!gone.Contains(member))
            {
                members.Add(member);
            }
        }
        return members.Count == 0 ? null : members;
    }

    private static List<AttributeValue> Replace(IReadOnlyList<AttributeValue> list, int index, AttributeValue value)
    {
        var copy = new List<AttributeValue>(list);
        copy[index] = value;
        return copy;
    }

    private static List<AttributeValue> RemoveAt(IReadOnlyList<AttributeValue> list, int index)
    {
        var copy = new List<AttributeValue>(list);
        copy.RemoveAt(index);
        return copy;
    }

    /// <summary>Writes (SET, ADD, DELETE) in path order, then removals in reverse path order.</summary>
    private static int[] ApplyOrder(UpdateClause[] clauses)
    {
        var writes = new List<int>(clauses.Length);
        var removals = new List<int>();
        for (var i = 0; i < clauses.Length; i++)
        {
            (clauses[i] is RemoveClause ? removals : writes).Add(i);
        }
        writes.Sort((a, b) => ComparePaths(clauses[a].Path, clauses[b].Path) is var c && c != 0 ? c : a.CompareTo(b));
        removals.Sort((a, b) => ComparePaths(clauses[b].Path, clauses[a].Path) is var c && c != 0 ? c : a.CompareTo(b));
        writes.AddRange(removals);
        return [.. writes];
    }

    private static int ComparePaths(DocumentPath a, DocumentPath b)
    {
        var length = Math.Min(a.Elements.Count, b.Elements.Count);
        for (var i = 0; i < length; i++)
        {
            var x = a.Elements[i];
            var y = b.Elements[i];
            var order = (x.IsIndex, y.IsIndex) switch
            {
                (true, true) => x.Index.CompareTo(y.Index),
                (false, false) => string.CompareOrdinal(x.Name, y.Name),
                (true, false) => 1,
                (false, true) => -1,
            };
            if (order != 0)
            {
                return order;
            }
        }
        return a.Elements.Count.CompareTo(b.Elements.Count);
    }
}
