using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>
/// The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all its expressions.
/// The constructor checks them as DynamoDB does (not empty, keys <c>#name</c> / <c>:value</c>, valid values);
/// parsing marks what each expression uses; <see cref="ThrowIfUnused"/> then raises AWS's error for the rest.
/// </summary>
internal sealed class ExpressionContext
{
    private readonly IReadOnlyDictionary<string, string>? _names;
    private readonly IReadOnlyDictionary<string, AttributeValue>? _values;
    private HashSet<string>? _usedNames;
    private HashSet<string>? _usedValues;

    public ExpressionContext(IReadOnlyDictionary<string, string>? names, IReadOnlyDictionary<string, AttributeValue>? values)
    {
        if (names is not null)
        {
            if (names.Count == 0)
            {
                throw DynamoDbException.Validation("ExpressionAttributeNames must not be empty");
            }
            foreach (var key in names.Keys)
            {
                if (!IsReference(key, '#'))
                {
                    throw DynamoDbException.Validation($"ExpressionAttributeNames contains invalid key: Syntax error; key: \"{key}\"");
                }
            }
        }
        if (values is not null)
        {
            if (values.Count == 0)
            {
                throw DynamoDbException.Validation("ExpressionAttributeValues must not be empty");
            }
            foreach (var key in values.Keys)
            {
                if (!IsReference(key, ':'))
                {
                    throw DynamoDbException.Validation($"ExpressionAttributeValues contains invalid key: Syntax error; key: \"{key}\"");
                }
            }
            foreach (var (key, value) in values)
            {
                if (ValueValidation.Check(value) is { } error)
                {
                    throw DynamoDbException.Validation($"ExpressionAttributeValues contains invalid value: {error} for key {key}");
                }
            }
        }
        _names = names;
        _values = values;
    }

    /// <summary>A context without names or values.</summary>
    public static ExpressionContext Empty => new(null, null);

    /// <summary>Resolves a <c>#name</c> reference, marking it used.</summary>
    public bool TryResolveName(string reference, out string name)
    {
        if (_names is not null && _names.TryGetValue(reference, out var found))
        {
            (_usedNames ??= new HashSet<string>(StringComparer.Ordinal)).Add(reference);
            name = found;
            return true;
        }
        name = reference;
        return false;
    }

    /// <summary>Resolves a <c>:value</c> reference, marking it used.</summary>
    public bool TryResolveValue(string reference, out AttributeValue value)
    {
        if (_values is not null && _values.TryGetValue(reference, out var found))
        {
            (_usedValues ??= new HashSet<string>(StringComparer.Ordinal)).Add(reference);
            value = found;
            return true;
        }
        value = AttributeValue.Null;
        return false;
    }

    /// <summary>Raises AWS's ValidationException when a name or value was given but no expression used it (names first).</summary>
    public void ThrowIfUnused()
    {
        if (Unused(_names?.Keys, _usedNames) is { } names)
        {
            throw DynamoDbException.Validation($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{names}}}");
        }
        if (Unused(_values?.Keys, _usedValues) is { } values)
        {
            throw DynamoDbException.Validation($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{values}}}");
        }
    }

    private static string? Unused(IEnumerable<string>? keys, HashSet<string>? used)
    {
        if (keys is null)
        {
            return null;
        }
        List<string>? unused = null;
        foreach (var key in keys)
        {
            if (used is null || !used.Contains(key))
            {
                (unused ??= []).Add(key);
            }
        }
        return unused is null ? null : string.Join(", ", unused);
    }

    private static bool IsReference(string key, char prefix)
    {
        if (key.Length < 2 || key[0] != prefix)
        {
            return false;
        }
        for (var i = 1; i < key.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(key[i]) && key[i] != '_')
            {
                return false;
            }
        }
        return true;
    }
}
