using Stelvio.CloudFormation;

namespace Stelvio;

/// <summary>The outcome of synthesizing an app: the template, its bytes and the warnings raised on the way.</summary>
public sealed class SynthResult
{
    private readonly Dictionary<string, List<string>> assetFunctions;
    private byte[]? bytes;

    internal SynthResult(StelvioApp app, SynthContext context)
    {
        App = app;
        Template = context.Template;
        Warnings = context.Warnings;
        Assets = [.. context.Assets.Values];
        GeneratedFiles = context.GeneratedFiles;
        assetFunctions = context.AssetFunctions;
    }

    /// <summary>The app that was synthesized.</summary>
    public StelvioApp App { get; }

    /// <summary>The CloudFormation stack this template is for: <c>{app}-{stage}</c>.</summary>
    public string StackName => App.StackName;

    internal CfnTemplate Template { get; }

    /// <summary>What synthesizes but is probably not what was meant; <c>synth</c> prints each.</summary>
    public IReadOnlyList<StelvioWarning> Warnings { get; }

    /// <summary>Function code the template refers to, to build and upload before deploying.</summary>
    internal IReadOnlyList<Assets.FunctionAsset> Assets { get; }

    /// <summary>The names of the functions built from <paramref name="asset"/>.</summary>
    internal IReadOnlyList<string> FunctionsOf(Assets.FunctionAsset asset) =>
        assetFunctions.TryGetValue(asset.Hash, out var names) ? names : [asset.SourceDirectory];

    /// <summary>Files synth generates beside the user's code (full path → content); the CLI writes them.</summary>
    internal IReadOnlyDictionary<string, string> GeneratedFiles { get; }

    /// <summary>The template as UTF-8 JSON; byte-identical for the same app.</summary>
    public byte[] TemplateBytes => bytes ??= TemplateWriter.ToUtf8Bytes(Template);

    /// <summary>The template as JSON text.</summary>
    public string TemplateJson => System.Text.Encoding.UTF8.GetString(TemplateBytes);

    /// <summary>Throws when the template exceeds CloudFormation's per-stack quotas.</summary>
    public SynthResult EnsureWithinStackLimits()
    {
        StackLimits.Check(StackName, Template, TemplateBytes.Length);
        return this;
    }
}
