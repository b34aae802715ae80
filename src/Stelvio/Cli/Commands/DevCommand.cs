using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Assets;
using Stelvio.Cli.Local;
using Stelvio.Local;
using Stelvio.LocalCloud;
using Stelvio.LocalCloud.Hosting;

namespace Stelvio.Cli.Commands;

/// <summary>
/// <c>dev</c>: runs the app on this machine. Synthesizes it, builds its functions for the host (with a progress
/// display), starts the local cloud (tables, functions, stream subscriptions, IAM) and prints its endpoint and
/// resources, then a line per invocation and per denied call. It rebuilds and swaps a function's code when its folder
/// changes. Without a command it runs until Ctrl+C; with <c>-- COMMAND ARGS…</c> it runs that command against the
/// local cloud, waits until the handlers are done, prints a summary and exits with <see cref="DevOutcome.ExitCode"/>.
/// </summary>
internal sealed class DevCommand(AppDefinition definition, IAnsiConsole console) : AsyncCommand<DevSettings>
{
    /// <summary>How long a source folder must be quiet before it is rebuilt.</summary>
    internal static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    /// <summary>How long, after the command exits, the handlers get to deal with what it wrote.</summary>
    internal static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    public override Task<int> ExecuteAsync(CommandContext context, DevSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var command = context.Remaining.Raw.ToList();
        return DeployRun.RunAsync(console, cancellationToken, run => LocalErrors.RunAsync(console, () => DevAsync(settings, command, run)));
    }

    private async Task<int> DevAsync(DevSettings settings, IReadOnlyList<string> command, DeployRun run)
    {
        var synth = definition.Build(settings.ResolvedStage).Synth().EnsureWithinStackLimits();
        SynthSummary.WriteWarnings(console, synth);
        var project = synth.App.ProjectDirectory;
        console.MarkupLine($"Running [bold]{Markup.Escape(synth.StackName)}[/] locally: building {synth.Assets.Count} function folder{(synth.Assets.Count == 1 ? "" : "s")} for this machine");
        run.CancelMessage = "Cancelled before the local cloud started; nothing runs.";
        var built = await new BuildView(console, project).RunAsync(progress => LocalBuild.BuildAsync(synth, progress, run.Token));
        foreach (var notice in built.Notices)
        {
            console.MarkupLine("[yellow]Note:[/] " + Markup.Escape(notice));
        }

        var live = new LiveOutput(console);
        await using var host = await LocalCloudHost.StartAsync(new LocalCloudHostOptions
        {
            Template = synth.TemplateBytes,
            StackName = synth.StackName,
            Code = built,
            DataDirectory = settings.Data is null ? null : Path.GetFullPath(settings.Data),
            Port = settings.Port ?? 0,
            OnEvent = live.On,
        }, run.Token);
        run.CancelMessage = "Stopped the local cloud and every process it started.";
        live.Block(output =>
        {
            LocalAppView.Write(output, synth.StackName, host.Endpoint, host.App, host.NotRunLocally);
            if (settings.Data is not null)
            {
                output.MarkupLine("Tables are kept in [green]" + Markup.Escape(Path.GetFullPath(settings.Data)) + "[/]");
            }
        });

        await using var watcher = settings.NoWatch
            ? null
            : new SourceWatcher(built.Builds.Select(b => b.Asset.SourceDirectory), Debounce, (folder, token) => SwapAsync(synth, host, live, folder, token));
        if (command.Count == 0)
        {
            live.Line(watcher is null
                ? "Ready. Ctrl+C stops."
                : "Ready; watching the function folders and swapping in rebuilt code. Ctrl+C stops.");
            await Task.Delay(Timeout.Infinite, run.Token);
            return ExitCodes.Interrupted;
        }

        live.Line("[grey]$ " + Markup.Escape(string.Join(' ', command)) + "[/]");
        var exit = await ClientCommand.RunAsync(command, host.ClientEnvironment, Directory.GetCurrentDirectory(), (text, _) => live.Text(text), run.Token);
        string? notIdle = null;
        try
        {
            await host.WhenIdleAsync(IdleTimeout, run.Token);
        }
        catch (TimeoutException exception)
        {
            notIdle = exception.Message;
        }

        var outcome = new DevOutcome(exit, host.Invocations, host.DeniedCalls, host.FailedBatches, notIdle);
        outcome.Write(console, command[0]);
        return outcome.ExitCode;
    }

    /// <summary>Rebuilds a changed function folder and swaps the new code in; a failed build keeps the old code running.</summary>
    private static async Task SwapAsync(SynthResult synth, LocalCloudHost host, LiveOutput live, string folder, CancellationToken cancellationToken)
    {
        var relative = Path.GetRelativePath(synth.App.ProjectDirectory, folder);
        live.Line($"[blue]Changed:[/] {Markup.Escape(relative)}; rebuilding");
        try
        {
            var rebuilt = await LocalBuild.RebuildAsync(synth, folder, new LineProgress(live, synth.App.ProjectDirectory), cancellationToken);
            foreach (var build in rebuilt.Builds)
            {
                await host.ReplaceCodeAsync(build.Asset.S3Key, build.Code, cancellationToken);
            }
        }
        catch (AssetBuildException exception)
        {
            live.Line($"[red]Build failed:[/] {Markup.Escape(relative)}; the previous code keeps running. {Markup.Escape(exception.Message)}");
        }
    }

    /// <summary>Build progress as lines only: a rebuild happens while invocation lines are printed, so no spinner.</summary>
    private sealed class LineProgress(LiveOutput live, string projectDirectory) : IProgress<LocalBuildProgress>
    {
        public void Report(LocalBuildProgress value)
        {
            if (value.Stage == LocalBuildStage.Built)
            {
                live.Line($"[green]Built[/] {BuildView.Describe(projectDirectory, value)} [grey]{BuildView.Seconds(value.Elapsed)}[/]");
            }
        }
    }
}
