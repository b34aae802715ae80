using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;

namespace Stelvio.LocalCloud.Lambda.Python;

/// <summary>
/// The runtime of <c>python3.*</c> functions: this machine's Python interpreter and the Runtime API bootstrap the
/// local cloud ships (<c>bootstrap.py</c>, standard library only), written once to a folder of its own. Both are
/// found once per process and interpreter name.
/// </summary>
internal static class PythonRuntime
{
    private const string ResourceName = "Stelvio.LocalCloud.Lambda.Python.bootstrap.py";
    private static readonly ConcurrentDictionary<string, Lazy<Task<(string, string)>>> Resolved = new(StringComparer.Ordinal);

    /// <summary>The interpreter's real path (a shim such as pyenv's resolved) and the folder holding <c>bootstrap.py</c>.</summary>
    public static Task<(string Interpreter, string Directory)> ResolveAsync(string python)
    {
        var resolved = Resolved.GetOrAdd(python, p => new Lazy<Task<(string, string)>>(() => ResolveCoreAsync(p)));
        if (resolved.Value.IsFaulted)
        {
            // A failure is not kept: the developer may install Python and try again.
            Resolved.TryRemove(new KeyValuePair<string, Lazy<Task<(string, string)>>>(python, resolved));
        }

        return resolved.Value;
    }

    private static async Task<(string, string)> ResolveCoreAsync(string python)
    {
        var directory = WriteBootstrap();
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import sys; print(sys.executable)");
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().ConfigureAwait(false);
            var interpreter = (await stdout.ConfigureAwait(false)).Trim();
            if (process.ExitCode != 0 || interpreter.Length == 0)
            {
                throw new InvalidOperationException($"'{python} -c \"import sys; print(sys.executable)\"' failed (exit {process.ExitCode}): {await stderr.ConfigureAwait(false)}");
            }

            return (interpreter, directory);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"Python functions run locally with '{python}', which could not be started ({exception.Message}). " +
                "Install Python 3 or set the interpreter's path in the local cloud's options.", exception);
        }
    }

    /// <summary>Writes <c>bootstrap.py</c> to a temporary folder named by its content's hash, once.</summary>
    private static string WriteBootstrap()
    {
        using var resource = typeof(PythonRuntime).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        var bytes = copy.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var directory = Path.Combine(Path.GetTempPath(), "stelvio-localcloud", "python-runtime-" + hash);
        var path = Path.Combine(directory, "bootstrap.py");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(directory);
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }

        return directory;
    }
}
