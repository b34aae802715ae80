using System.ComponentModel;
using System.Diagnostics;

namespace Stelvio.Cli.Local;

/// <summary>
/// Runs the user's command given after <c>dev --</c>: with the local cloud's client environment added to this
/// process's environment, its standard output and error streamed line by line as they come, and (on cancellation)
/// stopped with every process it started.
/// </summary>
internal static class ClientCommand
{
    /// <summary>Runs <paramref name="command"/> and returns its exit code.</summary>
    /// <param name="command">The program and its arguments, passed on as they are (no shell).</param>
    /// <param name="environment">Variables added to (or replacing those of) this process's environment.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="line">Called with each line it writes; <c>true</c> for standard error.</param>
    /// <param name="cancellationToken">Stops the command and its child processes.</param>
    /// <exception cref="LocalCommandException">The program could not be started.</exception>
    public static async Task<int> RunAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, string workingDirectory, Action<string, bool> line, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(command.Count);
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new LocalCommandException(
                $"Could not start '{command[0]}': {exception.Message}. Give a program on the PATH (or its path) after '--', as in: {StelvioCli.Invocation} dev -- dotnet test",
                exception);
        }

        var output = PumpAsync(process.StandardOutput, text => line(text, false));
        var error = PumpAsync(process.StandardError, text => line(text, true));
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            throw;
        }

        await Task.WhenAll(output, error).ConfigureAwait(false);
        return process.ExitCode;
    }

    /// <summary>Kills the process and every process it started, and waits until they are gone.</summary>
    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> line)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } text)
        {
            line(text);
        }
    }
}
