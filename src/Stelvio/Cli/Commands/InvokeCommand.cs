using System.Text;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Cli.Local;
using Stelvio.Local;
using Stelvio.LocalCloud;
using Stelvio.LocalCloud.Hosting;

namespace Stelvio.Cli.Commands;

/// <summary>
/// <c>invoke NAME</c>: runs one function of the app once on this machine, as <c>sam local invoke</c> does, with the
/// event from <c>--payload</c> or <c>--file</c> (default <c>{}</c>): builds its code, starts the local cloud (its tables
/// in memory, or those of <c>--data</c>), invokes it, prints its logs and its result, and stops. Exit code 0 when it
/// answered, 1 when it failed (the error and its stack trace are printed).
/// </summary>
internal sealed class InvokeCommand(AppDefinition definition, IAnsiConsole console) : AsyncCommand<InvokeSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, InvokeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DeployRun.RunAsync(console, cancellationToken, run => LocalErrors.RunAsync(console, () => InvokeAsync(settings, run)));
    }

    private async Task<int> InvokeAsync(InvokeSettings settings, DeployRun run)
    {
        var payload = await EventAsync(settings, run.Token);
        var synth = definition.Build(settings.ResolvedStage).Synth().EnsureWithinStackLimits();
        SynthSummary.WriteWarnings(console, synth);
        var target = FunctionTarget.Find(synth, settings.Name);
        run.CancelMessage = "Cancelled; nothing was invoked.";
        var built = await new BuildView(console, synth.App.ProjectDirectory).RunAsync(progress => LocalBuild.BuildAsync(synth, progress, run.Token));
        foreach (var notice in built.Notices.Where(n => n.Contains(target.Name, StringComparison.Ordinal)))
        {
            console.MarkupLine("[yellow]Note:[/] " + Markup.Escape(notice));
        }

        await using var host = await LocalCloudHost.StartAsync(new LocalCloudHostOptions
        {
            Template = synth.TemplateBytes,
            StackName = synth.StackName,
            Code = built,
            DataDirectory = settings.Data is null ? null : Path.GetFullPath(settings.Data),
        }, run.Token);
        foreach (var item in host.NotRunLocally)
        {
            console.MarkupLine("[yellow]Not run locally:[/] " + Markup.Escape(item));
        }

        var physical = host.App.Functions.FirstOrDefault(f => f.LogicalId == target.LogicalId)?.Name ?? target.PhysicalName;
        console.MarkupLine($"Invoking [bold]{Markup.Escape(physical)}[/] ({Markup.Escape(target.Name)}) with {payload.Length} bytes of event");
        var result = await host.InvokeAsync(physical, payload, run.Token);
        InvocationLines.Write(console, result);
        if (result.Error is { } error)
        {
            console.MarkupLine($"[red]Error:[/] {Markup.Escape(target.Name)} failed: {Markup.Escape(error.ErrorType)}: {Markup.Escape(error.ErrorMessage)}");
            return ExitCodes.Failure;
        }

        console.MarkupLine("[bold]Result:[/]");
        // Written raw: the JSON must not be wrapped or styled.
        console.Profile.Out.Writer.WriteLine(Pretty(result.Payload));
        return ExitCodes.Success;
    }

    /// <summary>The event: <c>--payload</c> (checked by the settings), the file of <c>--file</c>, or <c>{}</c>.</summary>
    private static async Task<byte[]> EventAsync(InvokeSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Payload is { } payload)
        {
            return Encoding.UTF8.GetBytes(payload);
        }

        if (settings.File is not { } file)
        {
            return "{}"u8.ToArray();
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new LocalCommandException($"--file {file}: {exception.Message}", exception);
        }

        return InvokeEvent.Problem(text) is { } problem
            ? throw new LocalCommandException($"--file {file} is not valid JSON: {problem}")
            : Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The function's answer, indented when it is JSON, as it is otherwise.</summary>
    private static string Pretty(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return JsonSerializer.Serialize(document.RootElement, PrettyJson.Options);
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(payload);
        }
    }

    private static class PrettyJson
    {
        public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    }
}
