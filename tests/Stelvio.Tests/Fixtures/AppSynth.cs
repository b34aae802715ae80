using System.Runtime.CompilerServices;
using Stelvio.Testing;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Fixtures;

/// <summary><see cref="Synth"/> for apps declared in <see cref="FixtureProject"/>, so their handler folders exist; templates are linted too.</summary>
public static class AppSynth
{
    public static Template Template(Action<StelvioApp> declare, string stage = Synth.Stage, [CallerFilePath] string file = "", [CallerMemberName] string test = "") =>
        Synth.Template(declare, stage, FixtureProject.Directory, file, test);

    public static StelvioConfigException Error(Action<StelvioApp> declare) => Synth.Error(declare, FixtureProject.Directory);

    /// <summary>Synthesizes without linting, to compare results.</summary>
    public static SynthResult Result(Action<StelvioApp> declare) => StelvioApp.Declare(Synth.App, Synth.Stage, declare, FixtureProject.Directory).Synth();
}
