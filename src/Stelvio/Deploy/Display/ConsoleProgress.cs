using System.Globalization;
using Spectre.Console;
using Stelvio.Deploy.AssetPublishing;
using Stelvio.Deploy.CloudFormationApi;

namespace Stelvio.Deploy.Display;

/// <summary>Prints what a deploy does before the change set: notes, asset uploads, bootstrap events.</summary>
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
}
