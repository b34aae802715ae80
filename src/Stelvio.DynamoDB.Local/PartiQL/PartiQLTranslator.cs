using System.Buffers;
using System.Text;
using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.PartiQL;

/// <summary>
/// Turns a parsed statement into the item operation that does the same (GetItem, Query or Scan; PutItem
/// conditional on the key being new; UpdateItem and DeleteItem on the key the WHERE clause names) with
/// DynamoDB expressions, so PartiQL shares the engine's evaluation, locking, streams and persistence.
/// </summary>
internal sealed class PartiQLTranslator
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    /// <summary>The operation and request JSON for <paramref name="statement"/>.</summary>
    public static (string Operation, byte[] Request) Translate(Statement statement, TableDefinition table, string? nextToken, int? limit)
    {
        var translator = new PartiQLTranslator();
        return statement switch
        {
            SelectStatement select => translator.Select(select, table, nextToken, limit),
            InsertStatement insert => translator.Insert(insert, table),
            UpdateStatement update => translator.Update(update, table),
            DeleteStatement delete => translator.Delete(delete, table),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>The key the WHERE clause pins with top-level equalities, and what else it requires (or null).</summary>
    public static (Dictionary<string, string>? Key, Condition? Remaining) SplitKey(Condition? where, KeyDefinition key)
    {
        var parts = where switch
        {
            null => [],
            AndCondition and => and.Parts.ToList(),
            _ => [where],
        };
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { key.HashName, key.RangeName })
        {
            if (name is null)
            {
                continue;
            }
            var match = parts.OfType<CompareCondition>().FirstOrDefault(c => c.Operator == "=" &&
                ((c.Left is PathOperand l && l.SingleName == name && c.Right is ValueOperand) || (c.Right is PathOperand r && r.SingleName == name && c.Left is ValueOperand)));
            if (match is null)
            {
                return (null, where);
            }
            found[name] = ((ValueOperand)(match.Right as ValueOperand ?? match.Left)).Json;
            parts.Remove(match);
        }
        return (found, parts.Count == 0 ? null : parts.Count == 1 ? parts[0] : new AndCondition(parts));
    }

    private (string, byte[]) Select(SelectStatement select, TableDefinition table, string? nextToken, int? limit)
    {
        var keyDefinition = select.Index is null ? table.Key : table.FindIndex(select.Index)?.Key
            ?? throw DynamoDbException.Validation($"The table does not have the specified index: {select.Index}");
        var (hash, _) = SplitKey(select.Where is null ? null : select.Where, keyDefinition with { RangeName = null });
        string? keyCondition = null;
        string? filter = null;
        if (hash is not null)
        {
            keyCondition = $"{Name(keyDefinition.HashName)} = {Value(hash[keyDefinition.HashName])}";
        }
        if (select.Where is not null)
        {
            filter = Render(select.Where);
        }
        var projection = select.Projection is null ? null : string.Join(", ", select.Projection.Select(Path));
        return (hash is null ? "Scan" : "Query", Write(w =>
        {
            w.WriteString("TableName", table.Name);
            if (select.Index is not null)
            {
                w.WriteString("IndexName", select.Index);
            }
            if (keyCondition is not null)
            {
                w.WriteString("KeyConditionExpression", keyCondition);
            }
            if (filter is not null)
            {
                w.WriteString("FilterExpression", filter);
            }
            if (projection is not null)
            {
                w.WriteString("ProjectionExpression", projection);
            }
            if (limit is { } l)
            {
                w.WriteNumber("Limit", l);
            }
            if (nextToken is not null)
            {
                w.WritePropertyName("ExclusiveStartKey");
                w.WriteRawValue(DecodeToken(nextToken));
            }
            WriteExpressionAttributes(w);
        }));
    }

    private (string, byte[]) Insert(InsertStatement insert, TableDefinition table)
    {
        var item = JsonDocument.Parse(insert.ItemJson).RootElement.GetProperty("M").GetRawText();
        var condition = $"attribute_not_exists({Name(table.Key.HashName)})";
        return ("PutItem", Write(w =>
        {
            w.WriteString("TableName", table.Name);
            w.WritePropertyName("Item");
            w.WriteRawValue(item);
            w.WriteString("ConditionExpression", condition);
            WriteExpressionAttributes(w);
        }));
    }

    private (string, byte[]) Update(UpdateStatement update, TableDefinition table)
    {
        var (key, rest) = SplitKey(update.Where, table.Key);
        if (key is null)
        {
            throw DynamoDbException.Validation("Where clause does not contain a mandatory equality on all key attributes");
        }
        var clauses = new List<string>();
        if (update.Sets.Count > 0)
        {
            clauses.Add("SET " + string.Join(", ", update.Sets.Select(s => $"{Path(s.Path)} = {Operand(s.Value)}")));
        }
        if (update.Removes.Count > 0)
        {
            clauses.Add("REMOVE " + string.Join(", ", update.Removes.Select(Path)));
        }
        var condition = $"attribute_exists({Name(table.Key.HashName)})" + (rest is null ? "" : $" AND ({Render(rest)})");
        return ("UpdateItem", Write(w =>
        {
            w.WriteString("TableName", table.Name);
            WriteKey(w, key);
            w.WriteString("UpdateExpression", string.Join(" ", clauses));
            w.WriteString("ConditionExpression", condition);
            if (update.Returning is not null)
            {
                w.WriteString("ReturnValues", update.Returning);
            }
            WriteExpressionAttributes(w);
        }));
    }

    private (string, byte[]) Delete(DeleteStatement delete, TableDefinition table)
    {
        var (key, rest) = SplitKey(delete.Where, table.Key);
        if (key is null)
        {
            throw DynamoDbException.Validation("Where clause does not contain a mandatory equality on all key attributes");
        }
        // No item is success with nothing deleted; an item the rest of the WHERE clause rejects is a failed condition.
        var condition = rest is null ? null : $"attribute_not_exists({Name(table.Key.HashName)}) OR ({Render(rest)})";
        return ("DeleteItem", Write(w =>
        {
            w.WriteString("TableName", table.Name);
            WriteKey(w, key);
            if (condition is not null)
            {
                w.WriteString("ConditionExpression", condition);
            }
            if (delete.Returning is not null)
            {
                w.WriteString("ReturnValues", delete.Returning);
            }
            WriteExpressionAttributes(w);
        }));
    }

    private static void WriteKey(Utf8JsonWriter w, Dictionary<string, string> key)
    {
        w.WriteStartObject("Key");
        foreach (var (name, value) in key)
        {
            w.WritePropertyName(name);
            w.WriteRawValue(value);
        }
        w.WriteEndObject();
    }

    private void WriteExpressionAttributes(Utf8JsonWriter w)
    {
        if (_names.Count > 0)
        {
            w.WriteStartObject("ExpressionAttributeNames");
            foreach (var (name, placeholder) in _names)
            {
                w.WriteString(placeholder, name);
            }
            w.WriteEndObject();
        }
        if (_values.Count > 0)
        {
            w.WriteStartObject("ExpressionAttributeValues");
            for (var i = 0; i < _values.Count; i++)
            {
                w.WritePropertyName($":v{i}");
                w.WriteRawValue(_values[i]);
            }
            w.WriteEndObject();
        }
    }

    private string Render(Condition condition) => condition switch
    {
        AndCondition and => string.Join(" AND ", and.Parts.Select(p => $"({Render(p)})")),
        OrCondition or => string.Join(" OR ", or.Parts.Select(p => $"({Render(p)})")),
        NotCondition not => $"NOT ({Render(not.Inner)})",
        CompareCondition compare => $"{Operand(compare.Left)} {compare.Operator} {Operand(compare.Right)}",
        BetweenCondition between => $"{Operand(between.Value)} BETWEEN {Operand(between.Low)} AND {Operand(between.High)}",
        InCondition @in => $"{Operand(@in.Value)} IN ({string.Join(", ", @in.Candidates.Select(Operand))})",
        MissingCondition missing => missing.Missing ? $"attribute_not_exists({Path(missing.Path)})" : $"attribute_exists({Path(missing.Path)})",
        FunctionCondition function => $"{function.Name}({string.Join(", ", function.Arguments.Select(Operand))})",
        _ => throw new InvalidOperationException(),
    };

    private string Operand(Operand operand) => operand switch
    {
        PathOperand path => Path(path),
        ValueOperand value => Value(value.Json),
        ArithmeticOperand arithmetic => $"{Operand(arithmetic.Left)} {arithmetic.Operator} {Operand(arithmetic.Right)}",
        FunctionOperand function => $"{function.Name}({string.Join(", ", function.Arguments.Select(Operand))})",
        _ => throw new InvalidOperationException(),
    };

    private string Path(PathOperand path)
    {
        var text = new StringBuilder();
        foreach (var segment in path.Segments)
        {
            if (segment is int index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }
                text.Append(Name((string)segment));
            }
        }
        return text.ToString();
    }

    private string Name(string name)
    {
        if (!_names.TryGetValue(name, out var placeholder))
        {
            placeholder = $"#n{_names.Count}";
            _names[name] = placeholder;
        }
        return placeholder;
    }

    private string Value(string json)
    {
        _values.Add(json);
        return $":v{_values.Count - 1}";
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static string EncodeToken(string lastEvaluatedKeyJson) => Convert.ToBase64String(Encoding.UTF8.GetBytes(lastEvaluatedKeyJson));

    private static string DecodeToken(string token)
    {
        try
        {
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            using var _ = JsonDocument.Parse(json);
            return json;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw DynamoDbException.Validation("Given NextToken is not valid.");
        }
    }
}
