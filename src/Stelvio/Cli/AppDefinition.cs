namespace Stelvio.Cli;

/// <summary>What the user's program gives the CLI: the app's name and how to declare it for a stage.</summary>
public sealed record AppDefinition(string Name, Action<StelvioApp> Declare)
{
    /// <summary>Declares the app for <paramref name="stage"/>.</summary>
    public StelvioApp Build(string stage) => StelvioApp.Declare(Name, stage, Declare);
}
