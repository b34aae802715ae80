using Stelvio.CloudFormation;
using Stelvio.Naming;

namespace Stelvio;

/// <summary>
/// Something declared in an app: a table, a function, a subscription. A component registers itself
/// with the app being declared when it is constructed and adds its resources to the template at synth.
/// </summary>
public abstract class Component
{
    /// <summary>Registers the component, of a kind such as <c>DynamoTable</c>, with the app being declared.</summary>
    protected Component(string kind, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Kind = kind;
        ComponentName = name;
        var problem = NameRules.CheckComponentName(name);
        if (problem is not null)
        {
            throw new StelvioConfigException(Display, "name", problem);
        }

        App = StelvioApp.Current ?? throw new StelvioConfigException(
            Display,
            null,
            "was created outside an app. Declare components inside the app's declaration: " +
            "StelvioApp.RunAsync(args, \"my-app\", app => { /* here */ }) or StelvioApp.Declare(\"my-app\", \"stage\", app => { /* here */ }).");
        LogicalIdPrefix = NameRules.Pascal(name);
        App.Register(this);
    }

    /// <summary>The kind of component, for messages: <c>DynamoTable</c>, <c>Function</c>.</summary>
    public string Kind { get; }

    /// <summary>The name the component was declared with.</summary>
    public string ComponentName { get; }

    /// <summary>The app the component belongs to.</summary>
    public StelvioApp App { get; }

    /// <summary>How messages name this component: <c>DynamoTable 'orders'</c>.</summary>
    public string Display => $"{Kind} '{ComponentName}'";

    /// <summary>The PascalCase start of this component's logical IDs.</summary>
    internal string LogicalIdPrefix { get; }

    /// <summary>
    /// The component's own tags, put on its taggable resources after <c>stelvio:app</c>, <c>stelvio:stage</c> and the
    /// app's (see <see cref="StelvioApp.TagsFor"/>); checked against AWS's tag rules at synth. Default: none.
    /// </summary>
    internal virtual IReadOnlyDictionary<string, string>? ComponentTags => null;

    /// <summary>Adds this component's resources and outputs to the template.</summary>
    internal abstract void Synthesize(SynthContext context);

    /// <summary>Checks made once the whole app is declared, added to <paramref name="errors"/>.</summary>
    internal virtual void Validate(List<ConfigError> errors)
    {
    }

    /// <inheritdoc/>
    public override string ToString() => Display;
}
