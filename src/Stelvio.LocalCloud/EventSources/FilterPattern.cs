using System.Text.Json;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// One parsed filter pattern (a <c>FilterCriteria.Filters[].Pattern</c>), matched against a record as Lambda delivers
/// it: every field must match (AND), a field's rule list matches when any rule does (OR), a nested object descends
/// into the record, and <c>$or</c> holds when any of its alternatives does. See <see cref="FilterPatternParser"/>.
/// </summary>
internal sealed class FilterPattern
{
    public FilterPattern(IReadOnlyList<FilterField> fields, IReadOnlyList<IReadOnlyList<FilterPattern>> alternatives)
    {
        Fields = fields;
        Alternatives = alternatives;
    }

    public IReadOnlyList<FilterField> Fields { get; }

    /// <summary>Each <c>$or</c> of this object: one of its patterns must match.</summary>
    public IReadOnlyList<IReadOnlyList<FilterPattern>> Alternatives { get; }

    /// <summary>Whether the pattern holds for <paramref name="value"/> (null: the object is absent from the record).</summary>
    public bool Matches(JsonElement? value)
    {
        JsonElement? obj = value is { ValueKind: JsonValueKind.Object } ? value : null;
        if (value is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var element in array.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Object && Matches(element))
                {
                    return true;
                }
            }
            return Matches(null);
        }
        foreach (var field in Fields)
        {
            JsonElement? child = obj is { } o && o.TryGetProperty(field.Name, out var found) ? found : null;
            if (!field.Matches(child))
            {
                return false;
            }
        }
        foreach (var alternative in Alternatives)
        {
            if (!alternative.Any(pattern => pattern.Matches(obj)))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>A field of a pattern: either a nested pattern or a list of rules for a leaf value.</summary>
internal sealed record FilterField(string Name, FilterPattern? Nested, IReadOnlyList<FilterRule>? Rules)
{
    public bool Matches(JsonElement? value)
    {
        if (Nested is not null)
        {
            return Nested.Matches(value);
        }
        var rules = Rules!;
        if (value is not { } present)
        {
            return rules.Any(rule => rule is FilterRule.Exists { Present: false });
        }
        return present.ValueKind switch
        {
            JsonValueKind.Object => rules.Any(rule => rule is FilterRule.Exists { Present: true }),
            JsonValueKind.Array => present.EnumerateArray().Any(element => rules.Any(rule => rule.Matches(element))),
            _ => rules.Any(rule => rule.Matches(present)),
        };
    }
}
