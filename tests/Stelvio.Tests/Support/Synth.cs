using System.Runtime.CompilerServices;
using Stelvio.Testing;

namespace Stelvio.Tests.Support;

/// <summary>
/// Synthesizes an app for a test and keeps its template for the cfn-lint run at the end
/// (<see cref="CfnLintTests"/>): every template a test synthesizes is linted.
/// </summary>
public static class Synth
{
    public const string App = "shop";
    public const string Stage = "test";

    public static Template Template(Action<StelvioApp> declare, string stage = Stage, string? projectDirectory = null, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        var template = Stelvio.Testing.Template.FromApp(StelvioApp.Declare(App, stage, declare, projectDirectory));
        LintedTemplates.Save($"{Path.GetFileNameWithoutExtension(file)}.{test}", template.Result!.TemplateBytes);
        return template;
    }

    /// <summary>Declares an app expecting a configuration error; returns it.</summary>
    public static StelvioConfigException Error(Action<StelvioApp> declare, string? projectDirectory = null) =>
        Assert.Throws<StelvioConfigException>(() => StelvioApp.Declare(App, Stage, declare, projectDirectory).Synth());
}
