namespace Stelvio;

/// <summary>Something that synthesizes but is probably not what was meant, reported by <c>synth</c> and kept in <see cref="SynthResult.Warnings"/>.</summary>
public sealed record StelvioWarning(string Component, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Component}: {Message}";
}
