using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Stelvio.Deploy.AssetPublishing;
using Stelvio.Deploy.CloudFormationApi;

namespace Stelvio.Deploy.Display;

/// <summary>
/// Prints what a deploy does before the change set: notes, steps, asset uploads, bootstrap events. A step shows
/// a spinner with the elapsed time in an interactive terminal; elsewhere (a CI log) it is one line with its
/// duration once it is done.
/// </summary>
internal sealed class ConsoleProgress(IAnsiConsole console) : IDeployProgress
{
    public void Note(string message) => console.MarkupLine(Markup.Escape(message));

    public void AssetPublished(AssetUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var source = Markup.Escape(upload.Asset.SourceDirectory);
        console.MarkupLine(upload.Uploaded
            ? string.Create(CultureInfo.InvariantCulture, $"  [green]uploaded[/] {Markup.Escape(upload.Asset.S3Key)} ({upload.Size / 1024.0:N1} KiB) from {source}")
            : $"  [grey]unchanged[/] {Markup.Escape(upload.Asset.S3Key)} from {source}");
    }

    public void BootstrapEvent(StackEvent stackEvent) => console.MarkupLine(Styles.EventLine(stackEvent));

    public async Task StepAsync(string description, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var clock = Stopwatch.StartNew();
        if (console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi)
        {
            await console.Status().StartAsync(Markup.Escape(description), async status =>
            {
                var task = work();
                while (await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(250))) != task)
                {
                    status.Status(Markup.Escape(description) + " " + Elapsed(clock.Elapsed));
                }

                await task;
            });
        }
        else
        {
            await work();
        }

        console.MarkupLine($"{Markup.Escape(description)} [grey]{Elapsed(clock.Elapsed)}[/]");
    }

    private static string Elapsed(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s");
}
