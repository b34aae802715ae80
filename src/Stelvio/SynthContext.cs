using Stelvio.CloudFormation;

namespace Stelvio;

/// <summary>What components write into during synthesis.</summary>
internal sealed class SynthContext(StelvioApp app, CfnTemplate template)
{
    public StelvioApp App { get; } = app;

    public CfnTemplate Template { get; } = template;

    public List<StelvioWarning> Warnings { get; } = [];

    /// <summary>Function code to build and upload before the template is deployed, by hash.</summary>
    public SortedDictionary<string, Assets.FunctionAsset> Assets { get; } = new(StringComparer.Ordinal);

    /// <summary>The functions built from each asset (hash → function names, in declaration order).</summary>
    public Dictionary<string, List<string>> AssetFunctions { get; } = new(StringComparer.Ordinal);

    /// <summary>Files synth generates beside the user's code (full path → content), written by the CLI.</summary>
    public SortedDictionary<string, string> GeneratedFiles { get; } = new(StringComparer.Ordinal);

    public CfnResource Add(Component owner, string logicalId, string type, System.Text.Json.Nodes.JsonObject properties) =>
        Template.Add(new CfnResource(logicalId, type, properties) { Component = owner.Display });

    public void Warn(Component owner, string message) => Warnings.Add(new StelvioWarning(owner.Display, message));
}
