namespace Stelvio.LocalCloud.Template;

/// <summary>
/// Collects what the template declares but the local cloud does not run, each once, in the words shown at start-up.
/// </summary>
internal sealed class NotRunLocally
{
    private readonly List<string> entries = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Entries => entries;

    /// <summary>A resource type the local cloud does not run at all.</summary>
    public void Resource(string logicalId, string type) => Add($"{logicalId} ({type}): not run locally.");

    /// <summary>A property of a resource the local cloud runs, accepted but not honoured; <paramref name="why"/> says what that means.</summary>
    public void Property(string logicalId, string property, string? why = null) =>
        Add(why is null ? $"{logicalId}: {property} is accepted but not run locally." : $"{logicalId}: {property} is accepted but not run locally ({why}).");

    /// <summary>Any other note, as written.</summary>
    public void Add(string entry)
    {
        if (seen.Add(entry))
        {
            entries.Add(entry);
        }
    }
}
