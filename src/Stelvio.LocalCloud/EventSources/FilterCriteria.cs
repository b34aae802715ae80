using System.Text.Json;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// A mapping's filters: a record is delivered when it matches at least one (they are OR'd); a mapping without
/// filters delivers every record. A record no filter matches is dropped, never delivered, and counts as processed.
/// </summary>
internal sealed class FilterCriteria
{
    /// <summary>Lambda allows 5 filters per event source mapping by default, 10 with a quota increase.</summary>
    public const int MaxFilters = 10;

    private readonly IReadOnlyList<FilterPattern> _patterns;

    private FilterCriteria(IReadOnlyList<FilterPattern> patterns) => _patterns = patterns;

    public bool IsEmpty => _patterns.Count == 0;

    /// <summary>Parses the patterns; an invalid one throws <see cref="FilterPatternException"/> naming it by index.</summary>
    public static FilterCriteria Parse(IReadOnlyList<string> patterns)
    {
        if (patterns.Count > MaxFilters)
        {
            throw new FilterPatternException(
                $"it has {patterns.Count} filters; Lambda allows 5 per event source mapping (10 with a quota increase). Combine patterns with $or.");
        }
        var parsed = new List<FilterPattern>(patterns.Count);
        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                parsed.Add(FilterPatternParser.Parse(patterns[i]));
            }
            catch (FilterPatternException error)
            {
                throw new FilterPatternException($"filter {i + 1} ({patterns[i]}): {error.Message}");
            }
        }
        return new FilterCriteria(parsed);
    }

    public bool Matches(JsonElement record) => IsEmpty || _patterns.Any(pattern => pattern.Matches(record));
}
