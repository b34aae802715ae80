using Stelvio.CloudFormation;
using Stelvio.Naming;

namespace Stelvio;

/// <summary>
/// An app: a name, a stage and the components declared for it. App name and stage prefix every
/// physical name (<c>{app}-{stage}-{name}</c>) and name the CloudFormation stack (<c>{app}-{stage}</c>).
/// </summary>
/// <example>
/// <code>
/// return await StelvioApp.RunAsync(args, "shop", app =>
/// {
///     var orders = new DynamoTable("orders", new()
///     {
///         Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
///         PartitionKey = "customer_id",
///         SortKey = "order_date",
///     });
/// });
/// </code>
/// </example>
public sealed partial class StelvioApp
{
    private static readonly AsyncLocal<StelvioApp?> CurrentApp = new();
    private readonly List<Component> components = [];
    private readonly Dictionary<string, Component> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Component> byLogicalPrefix = new(StringComparer.Ordinal);

    private StelvioApp(string name, string stage, string? projectDirectory)
    {
        ProjectDirectory = Path.GetFullPath(projectDirectory ?? Directory.GetCurrentDirectory());
        var errors = new List<ConfigError>();
        if (NameRules.CheckAppOrStage("app name", name) is { } nameProblem)
        {
            errors.Add(new ConfigError("App", "name", nameProblem));
        }

        if (NameRules.CheckAppOrStage("stage", stage) is { } stageProblem)
        {
            errors.Add(new ConfigError("App", "stage", stageProblem + " Pass another with --stage."));
        }

        if (errors.Count > 0)
        {
            throw new StelvioConfigException(errors);
        }

        Name = name;
        Stage = stage;
    }

    /// <summary>The app being declared on this thread of execution, if any.</summary>
    public static StelvioApp? Current => CurrentApp.Value;

    /// <summary>The app's name.</summary>
    public string Name { get; }

    /// <summary>The stage: <c>dev</c>, <c>prod</c>, or by default the OS user name.</summary>
    public string Stage { get; }

    /// <summary>The folder handler paths are relative to: the app's project folder (where Program.cs is).</summary>
    public string ProjectDirectory { get; }

    /// <summary>The CloudFormation stack name: <c>{app}-{stage}</c>.</summary>
    public string StackName => $"{Name}-{Stage}";

    /// <summary>Tags put on every taggable resource, besides <c>stelvio:app</c> and <c>stelvio:stage</c>.</summary>
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Stages whose data must survive a mistaken destroy: tables on them are retained by default.
    /// Default: <c>prod</c> and <c>production</c>.
    /// </summary>
    public HashSet<string> ProtectedStages { get; } = new(StringComparer.Ordinal) { "prod", "production" };

    /// <summary>Whether <see cref="Stage"/> is one of <see cref="ProtectedStages"/>.</summary>
    public bool IsProtectedStage => ProtectedStages.Contains(Stage);

    /// <summary>The components in declaration order.</summary>
    public IReadOnlyList<Component> Components => components;

    /// <summary>
    /// Declares an app: runs <paramref name="declare"/> with this app current, so components created in it join it.
    /// Handler paths are relative to <paramref name="projectDirectory"/> (default: the current directory).
    /// </summary>
    public static StelvioApp Declare(string name, string stage, Action<StelvioApp> declare, string? projectDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(declare);
        var app = new StelvioApp(name, stage, projectDirectory);
        var previous = CurrentApp.Value;
        CurrentApp.Value = app;
        try
        {
            declare(app);
        }
        finally
        {
            CurrentApp.Value = previous;
        }

        return app;
    }

    /// <summary>
    /// The entry point of an app's program: parses <paramref name="args"/> as a Stelvio command line
    /// (<c>synth</c>, …), declares the app for the chosen stage and runs the command. Returns the exit code.
    /// Handler paths are relative to the folder of the calling source file (the app's Program.cs).
    /// </summary>
    public static Task<int> RunAsync(string[] args, string name, Action<StelvioApp> declare, [System.Runtime.CompilerServices.CallerFilePath] string programFile = "") =>
        Cli.StelvioCli.RunAsync(args, new Cli.AppDefinition(name, declare, Cli.AppDefinition.ProjectDirectoryOf(programFile)));

    /// <summary>The physical name for a component's resource: <c>{app}-{stage}-{name}</c>, shortened to fit.</summary>
    public string PhysicalName(string name, int maxLength) => NameRules.PhysicalName(Name, Stage, name, maxLength);

    /// <summary>Synthesizes the CloudFormation template. Pure: no AWS call, same app in, same bytes out.</summary>
    public SynthResult Synth()
    {
        var errors = new List<ConfigError>();
        TagRules.CheckApp(errors, Tags);
        foreach (var component in components)
        {
            TagRules.CheckComponent(errors, component.Display, component.ComponentTags, TagsFor(component.ComponentTags).Count);
            component.Validate(errors);
        }

        if (errors.Count > 0)
        {
            throw new StelvioConfigException(errors);
        }

        var template = new CfnTemplate { Description = $"Stelvio app '{Name}', stage '{Stage}'." };
        var context = new SynthContext(this, template);
        foreach (var component in components)
        {
            component.Synthesize(context);
        }

        return new SynthResult(this, context);
    }

    /// <summary>The tags for a resource of a component: Stelvio's, then the app's, then the component's.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> TagsFor(IReadOnlyDictionary<string, string>? componentTags)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["stelvio:app"] = Name,
            ["stelvio:stage"] = Stage,
        };
        foreach (var (key, value) in Tags)
        {
            tags[key] = value;
        }

        if (componentTags is not null)
        {
            foreach (var (key, value) in componentTags)
            {
                tags[key] = value;
            }
        }

        return [.. tags];
    }

    internal void Register(Component component)
    {
        if (byName.TryGetValue(component.ComponentName, out var existing))
        {
            throw new StelvioConfigException(
                component.Display,
                "name",
                $"the name '{component.ComponentName}' is already used by {existing.Display}. Component names must be unique across the app.");
        }

        if (byLogicalPrefix.TryGetValue(component.LogicalIdPrefix, out var clash))
        {
            throw new StelvioConfigException(
                component.Display,
                "name",
                $"the name '{component.ComponentName}' gives the same CloudFormation logical ID prefix '{component.LogicalIdPrefix}' as {clash.Display}. Rename one of them.");
        }

        byName.Add(component.ComponentName, component);
        byLogicalPrefix.Add(component.LogicalIdPrefix, component);
        components.Add(component);
    }
}
