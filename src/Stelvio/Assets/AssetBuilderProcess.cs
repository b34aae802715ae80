using System.Diagnostics;
using System.Text;

namespace Stelvio.Assets;

/// <summary>A command for the asset builder to run: program, arguments, working directory.</summary>
internal sealed record ProcessCommand(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    public override string ToString() => FileName + " " + string.Join(' ', Arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}

/// <summary>How a command ended: its exit code and everything it printed (stdout and stderr interleaved).</summary>
internal sealed record ProcessOutcome(int ExitCode, IReadOnlyList<string> Output)
{
    /// <summary>The last <paramref name="lines"/> non-empty lines of the output.</summary>
    public string Tail(int lines = 30) => string.Join(Environment.NewLine, Output.Where(l => l.Trim().Length > 0).TakeLast(lines));
}

/// <summary>Runs a command to completion; the asset builder takes one so that tests can stand in for <c>dotnet</c>.</summary>
internal delegate Task<ProcessOutcome> RunProcess(ProcessCommand command, CancellationToken cancellationToken);

/// <summary>Runs commands as child processes.</summary>
internal static class AssetBuilderProcess
{
    /// <summary>The <c>dotnet</c> that runs this process when known (<c>DOTNET_HOST_PATH</c>), else the one on PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static async Task<ProcessOutcome> RunAsync(ProcessCommand command, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = command.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A build started from inside another build (dotnet test, dotnet run) must not inherit its MSBuild settings.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";

        var output = new List<string>();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        lock (output)
        {
            return new ProcessOutcome(process.ExitCode, output.ToArray());
        }

        void Add(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.Add(line);
                }
            }
        }
    }
}
