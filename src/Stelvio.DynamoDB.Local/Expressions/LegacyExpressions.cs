using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>One entry of the legacy <c>Expected</c> map.</summary>
internal sealed record ExpectedAttribute(
    AttributeValue? Value,
    bool? Exists,
    string? ComparisonOperator,
    IReadOnlyList<AttributeValue>? AttributeValueList);

/// <summary>One entry of the legacy <c>KeyConditions</c>, <c>QueryFilter</c> or <c>ScanFilter</c> maps.</summary>
internal sealed record LegacyCondition(string ComparisonOperator, IReadOnlyList<AttributeValue>? AttributeValueList);

/// <summary>One entry of the legacy <c>AttributeUpdates</c> map (Action PUT, ADD or DELETE; null is PUT).</summary>
internal sealed record AttributeUpdate(AttributeValue? Value, string? Action);

/// <summary>
/// Converts the request shapes older SDKs send into the same trees expressions parse to, with AWS's
/// validation messages for each ComparisonOperator's arguments. Attribute names here are literal top-level
/// names (a dot is part of the name).
/// </summary>
internal static class LegacyExpressions
{
    private const string Invalid = "One or more parameter values were invalid: ";

    /// <summary><c>Expected</c> with <c>ConditionalOperator</c> (AND when null).</summary>
    public static Condition FromExpected(IReadOnlyDictionary<string, ExpectedAttribute> expected, string? conditionalOperator)
    {
        var conditions = new List<Condition>(expected.Count);
        foreach (var (name, entry) in expected)
        {
            if (entry.AttributeValueList is not null && entry.Value is not null)
            {
                throw Refused($"Value and AttributeValueList cannot be used together for Attribute: {name}");
            }
            var path = new DocumentPath(name);
            if (entry.ComparisonOperator is { } op)
            {
                if (entry.Exists is not null)
                {
                    throw Refused($"Exists and ComparisonOperator cannot be used together for Attribute: {name}");
                }
                if (op is not ("NULL" or "NOT_NULL") && entry.AttributeValueList is null && entry.Value is null)
                {
                    throw Refused($"Value or AttributeValueList must be used with ComparisonOperator: {op} for Attribute: {name}");
                }
                var values = entry.AttributeValueList ?? (entry.Value is { } single ? [single] : []);
                conditions.Add(FromOperator(path, op, values, "Expected"));
            }
            else if (entry.AttributeValueList is not null)
            {
                throw Refused($"AttributeValueList can only be used with a ComparisonOperator for Attribute: {name}");
            }
            else if (entry.Exists == false)
            {
                if (entry.Value is not null)
                {
                    throw Refused($"Value cannot be used when Exists is false for Attribute: {name}");
                }
                conditions.Add(new ExistsCondition(path, exists: false));
            }
            else
            {
                var value = entry.Value
                    ?? throw Refused($"Value must be provided when Exists is {(entry.Exists is null ? "null" : "true")} for Attribute: {name}");
                conditions.Add(new ComparisonCondition(Comparator.Equal, new PathOperand(path), new ValueOperand(value)));
            }
        }
        return Combine(conditions, conditionalOperator);
    }

    /// <summary><c>QueryFilter</c> or <c>ScanFilter</c> (named by <paramref name="parameterName"/>) with <c>ConditionalOperator</c> (AND when null).</summary>
    public static Condition FromFilter(IReadOnlyDictionary<string, LegacyCondition> filter, string? conditionalOperator, string parameterName)
    {
        var conditions = new List<Condition>(filter.Count);
        foreach (var (name, entry) in filter)
        {
            conditions.Add(FromOperator(new DocumentPath(name), entry.ComparisonOperator, entry.AttributeValueList ?? [], parameterName));
        }
        return Combine(conditions, conditionalOperator);
    }

    /// <summary><c>KeyConditions</c>; <see cref="KeyCondition.Validate"/> then checks it against the key schema.</summary>
    public static KeyCondition FromKeyConditions(IReadOnlyDictionary<string, LegacyCondition> keyConditions)
    {
        var parts = new List<KeyConditionPart>(keyConditions.Count);
        foreach (var (name, entry) in keyConditions)
        {
            var values = entry.AttributeValueList ?? [];
            CheckArguments(entry.ComparisonOperator, values);
            var first = values.Count > 0 ? values[0] : AttributeValue.Null;
            parts.Add(entry.ComparisonOperator switch
            {
                "EQ" => new KeyConditionPart(name, SortKeyOperator.Equal, first),
                "LT" => new KeyConditionPart(name, SortKeyOperator.Less, first),
                "LE" => new KeyConditionPart(name, SortKeyOperator.LessOrEqual, first),
                "GT" => new KeyConditionPart(name, SortKeyOperator.Greater, first),
                "GE" => new KeyConditionPart(name, SortKeyOperator.GreaterOrEqual, first),
                "BEGINS_WITH" => new KeyConditionPart(name, SortKeyOperator.BeginsWith, first),
                "BETWEEN" => new KeyConditionPart(name, SortKeyOperator.Between, first, values[1]),
                "NE" => new KeyConditionPart(name, SortKeyOperator.Equal, first, Refusal: KeyCondition.NotSupported),
                _ => new KeyConditionPart(name, SortKeyOperator.Equal, first, Refusal: KeyCondition.NotIndexable),
            });
        }
        if (parts.Count is not (1 or 2))
        {
            throw DynamoDbException.Validation("Conditions can be of length 1 or 2 only");
        }
        return new KeyCondition(parts);
    }

    /// <summary><c>AttributesToGet</c>: top-level names, each at most once.</summary>
    public static Projection FromAttributesToGet(IReadOnlyList<string> attributesToGet)
    {
        var seen = new HashSet<string>(attributesToGet.Count, StringComparer.Ordinal);
        var paths = new List<DocumentPath>(attributesToGet.Count);
        foreach (var name in attributesToGet)
        {
            if (!seen.Add(name))
            {
                throw Refused("Duplicate value in attribute name: " + name);
            }
            paths.Add(new DocumentPath(name));
        }
        return new Projection(paths);
    }

    /// <summary><c>AttributeUpdates</c> of UpdateItem.</summary>
    public static UpdateAction FromAttributeUpdates(IReadOnlyDictionary<string, AttributeUpdate> updates)
    {
        var clauses = new List<UpdateClause>(updates.Count);
        foreach (var (name, update) in updates)
        {
            var path = new DocumentPath(name);
            var action = update.Action ?? "PUT";
            if (update.Value is not { } value)
            {
                if (action != "DELETE")
                {
                    throw Refused("Only DELETE action is allowed when no attribute value is specified");
                }
                clauses.Add(new RemoveClause(path));
                continue;
            }
            switch (action)
            {
                case "PUT":
                    clauses.Add(new SetClause(path, new ValueOperand(value)));
                    break;
                case "ADD":
                    if (!(value.IsSet || value.Type is AttributeType.N or AttributeType.L))
                    {
                        throw Refused("ADD action is not supported for the type " + value.Type);
                    }
                    clauses.Add(new AddClause(path, value, legacy: true));
                    break;
                case "DELETE":
                    if (!value.IsSet)
                    {
                        throw Refused("DELETE action with value is not supported for the type " + value.Type);
                    }
                    clauses.Add(new DeleteClause(path, value, legacy: true));
                    break;
                default:
                    throw new ArgumentException($"Unknown AttributeUpdates action '{action}'; the protocol layer checks the enum.", nameof(updates));
            }
        }
        return new UpdateAction(clauses);
    }

    /// <summary>One ComparisonOperator condition on a top-level attribute, its arguments checked as AWS does.</summary>
    private static Condition FromOperator(DocumentPath path, string op, IReadOnlyList<AttributeValue> values, string parameterName)
    {
        CheckArguments(op, values);
        var attribute = new PathOperand(path);
        Operand First() => new ValueOperand(values[0]);
        return op switch
        {
            "EQ" => new ComparisonCondition(Comparator.Equal, attribute, First()),
            "NE" => new ComparisonCondition(Comparator.NotEqual, attribute, First()),
            "LT" => new ComparisonCondition(Comparator.Less, attribute, First()),
            "LE" => new ComparisonCondition(Comparator.LessOrEqual, attribute, First()),
            "GT" => new ComparisonCondition(Comparator.Greater, attribute, First()),
            "GE" => new ComparisonCondition(Comparator.GreaterOrEqual, attribute, First()),
            "NULL" => new ExistsCondition(path, exists: false),
            "NOT_NULL" => new ExistsCondition(path, exists: true),
            "CONTAINS" => new ContainsCondition(attribute, First()),
            // NOT_CONTAINS is false for a missing attribute, unlike NOT contains(...).
            "NOT_CONTAINS" => new AndCondition(new ExistsCondition(path, exists: true), new NotCondition(new ContainsCondition(attribute, First()))),
            "BEGINS_WITH" => new BeginsWithCondition(attribute, First()),
            "IN" => new InCondition(attribute, [.. values.Select(v => (Operand)new ValueOperand(v))]),
            "BETWEEN" => new BetweenCondition(attribute, First(), new ValueOperand(values[1])),
            _ => throw new ArgumentException($"Unknown ComparisonOperator '{op}' in {parameterName}; the protocol layer checks the enum.", nameof(op)),
        };
    }

    /// <summary>AWS's checks of an AttributeValueList against its ComparisonOperator: count, one type, allowed types, BETWEEN order.</summary>
    private static void CheckArguments(string op, IReadOnlyList<AttributeValue> values)
    {
        var countOk = op switch
        {
            "NULL" or "NOT_NULL" => values.Count == 0,
            "IN" => values.Count >= 1,
            "BETWEEN" => values.Count == 2,
            _ => values.Count == 1,
        };
        if (!countOk)
        {
            throw Refused($"Invalid number of argument(s) for the {op} ComparisonOperator");
        }
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i].Type != values[0].Type)
            {
                throw Refused("AttributeValues inside AttributeValueList must be of same type");
            }
        }
        foreach (var value in values)
        {
            var allowed = op switch
            {
                "EQ" or "NE" => true,
                "BEGINS_WITH" => value.Type is AttributeType.S or AttributeType.B,
                _ => ValueOperations.IsScalar(value.Type),
            };
            if (!allowed)
            {
                throw Refused($"ComparisonOperator {op} is not valid for {value.Type} AttributeValue type");
            }
        }
        if (op == "BETWEEN" && ValueOperations.CompareScalars(values[0], values[1]) > 0)
        {
            throw DynamoDbException.Validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    private static Condition Combine(List<Condition> conditions, string? conditionalOperator)
    {
        if (conditions.Count == 0)
        {
            return ConstantCondition.True;
        }
        var combined = conditions[0];
        for (var i = 1; i < conditions.Count; i++)
        {
            combined = conditionalOperator == "OR" ? new OrCondition(combined, conditions[i]) : new AndCondition(combined, conditions[i]);
        }
        return combined;
    }

    private static DynamoDbException Refused(string detail) => DynamoDbException.Validation(Invalid + detail);
}
