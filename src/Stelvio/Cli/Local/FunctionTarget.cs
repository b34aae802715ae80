using System.Text.Json.Nodes;
using Stelvio.Assets;

namespace Stelvio.Cli.Local;

/// <summary>A function of the synthesized app, as <c>invoke</c> names it: by its name in the app (<c>process-user</c>) or its physical name (<c>shop-dev-process-user</c>).</summary>
/// <param name="Name">Its name in the app (the component's name).</param>
/// <param name="LogicalId">The template's logical ID of its <c>AWS::Lambda::Function</c>.</param>
/// <param name="PhysicalName">Its <c>FunctionName</c>.</param>
/// <param name="Asset">Its code.</param>
internal sealed record FunctionTarget(string Name, string LogicalId, string PhysicalName, FunctionAsset Asset)
{
    private const string FunctionType = "AWS::Lambda::Function";

    /// <summary>Every function of the app, in template order.</summary>
    public static IReadOnlyList<FunctionTarget> All(SynthResult synth)
    {
        ArgumentNullException.ThrowIfNull(synth);
        var assets = synth.Assets.ToDictionary(a => a.S3Key, StringComparer.Ordinal);
        var functions = new List<FunctionTarget>();
        foreach (var resource in synth.Template.Resources.Where(r => r.Type == FunctionType))
        {
            var physical = Text(resource.Properties["FunctionName"]) ?? resource.LogicalId;
            if (Text(resource.Properties["Code"]?["S3Key"]) is not { } key || !assets.TryGetValue(key, out var asset))
            {
                continue;
            }

            functions.Add(new FunctionTarget(ComponentName(resource.Component) ?? physical, resource.LogicalId, physical, asset));
        }

        return functions;
    }

    /// <summary>The function called <paramref name="name"/> (in the app or physically); otherwise an error listing them all.</summary>
    public static FunctionTarget Find(SynthResult synth, string name)
    {
        var all = All(synth);
        return all.FirstOrDefault(f => f.Name == name) ?? all.FirstOrDefault(f => f.PhysicalName == name)
            ?? throw new LocalCommandException(
                $"App '{synth.App.Name}' has no function '{name}'.{DidYouMean(name, all)} " +
                (all.Count == 0 ? "It declares no functions." : "Its functions: " + string.Join(", ", all.Select(f => $"{f.Name} ({f.PhysicalName})")) + "."));
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary><c>process-user</c> from the component <c>Function 'process-user'</c>.</summary>
    private static string? ComponentName(string? component)
    {
        if (component is null)
        {
            return null;
        }

        var first = component.IndexOf('\'', StringComparison.Ordinal);
        var last = component.LastIndexOf('\'');
        return first >= 0 && last > first ? component[(first + 1)..last] : null;
    }

    private static string DidYouMean(string name, IReadOnlyList<FunctionTarget> all) =>
        Suggestions.Closest(name, all.Select(f => f.Name)) is { } closest ? $" Did you mean '{closest}'?" : "";
}
