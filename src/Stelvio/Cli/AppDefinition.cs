namespace Stelvio.Cli;

/// <summary>What the user's program gives the CLI: the app's name, how to declare it for a stage, and its project folder.</summary>
internal sealed record AppDefinition(string Name, Action<StelvioApp> Declare, string? ProjectDirectory = null)
{
    /// <summary>Declares the app for <paramref name="stage"/>.</summary>
    public StelvioApp Build(string stage) => StelvioApp.Declare(Name, stage, Declare, ProjectDirectory);

    /// <summary>The folder of the program's source file when it exists on this machine, else the current directory.</summary>
    public static string? ProjectDirectoryOf(string programFile) =>
        !string.IsNullOrEmpty(programFile) && File.Exists(programFile) ? Path.GetDirectoryName(programFile) : null;
}
