using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Stelvio.Deploy.Display;
using Stelvio.Local;

namespace Stelvio.Cli.Local;

/// <summary>
/// Shows a local build as it goes: in an interactive terminal a spinner naming the folder being built, its functions,
/// AOT or JIT and the elapsed time, and a line per folder once it is built; elsewhere (a pipe, a CI log) only the
/// line per folder, with its duration.
/// </summary>
internal sealed class BuildView(IAnsiConsole console, string projectDirectory) : IProgress<LocalBuildProgress>
{
    private readonly Lock gate = new();
    private readonly Stopwatch clock = new();
    private LocalBuildProgress? current;

    /// <summary>Runs <paramref name="build"/> with this view as its progress.</summary>
    public async Task<T> RunAsync<T>(Func<IProgress<LocalBuildProgress>, Task<T>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (!Styles.IsLive(console))
        {
            return await build(this).ConfigureAwait(false);
        }

        return await console.Status().StartAsync("Building function code", async status =>
        {
            var task = build(this);
            while (await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(200))).ConfigureAwait(false) != task)
            {
                lock (gate)
                {
                    if (current is { } step)
                    {
                        status.Status($"Building {Describe(projectDirectory, step)} [grey]{Seconds(clock.Elapsed)}[/]");
                    }
                }
            }

            return await task.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public void Report(LocalBuildProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            switch (value.Stage)
            {
                case LocalBuildStage.Building:
                    current = value;
                    clock.Restart();
                    break;
                case LocalBuildStage.Built:
                    current = null;
                    console.MarkupLine($"[green]Built[/] {Describe(projectDirectory, value)} [grey]{Seconds(value.Elapsed)}[/]");
                    break;
                case LocalBuildStage.Cached:
                    console.MarkupLine($"[grey]Unchanged[/] {Describe(projectDirectory, value)} [grey](built before)[/]");
                    break;
            }
        }
    }

    /// <summary><c>functions/Orders (orders-process-orders, process-user) JIT</c>.</summary>
    public static string Describe(string projectDirectory, LocalBuildProgress step)
    {
        var folder = Path.GetRelativePath(projectDirectory, step.SourceDirectory);
        return $"{Markup.Escape(folder)} ({Markup.Escape(string.Join(", ", step.Functions))}) [bold]{Kind(step.Kind)}[/]";
    }

    /// <summary>How the code is built, in one word.</summary>
    public static string Kind(LocalBuildKind kind) => kind switch
    {
        LocalBuildKind.DotnetNativeAot => "AOT",
        LocalBuildKind.DotnetJit => "JIT",
        _ => "Python",
    };

    public static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s");
}
