using System.Diagnostics;
using System.Globalization;

namespace Stelvio.DynamoDB.Local.Bench;

/// <summary>A server in a child process: its endpoint and its CPU time (user + system) from /proc.</summary>
internal sealed class ChildServer : IDisposable
{
    private readonly Process _process;

    private ChildServer(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>Starts <paramref name="file"/> with <paramref name="args"/>; the endpoint is the first http URL it prints, or <paramref name="endpoint"/>.</summary>
    public static async Task<ChildServer> StartAsync(string file, IEnumerable<string> args, Uri? endpoint = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        if (endpoint is null)
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                var at = line.IndexOf("http://", StringComparison.Ordinal);
                if (at >= 0)
                {
                    endpoint = new Uri(line[at..].Split(' ')[0]);
                    break;
                }
            }
            if (endpoint is null)
            {
                throw new InvalidOperationException($"{file} exited without printing its endpoint.");
            }
        }
        else
        {
            using var http = new HttpClient();
            for (var i = 0; ; i++)
            {
                try
                {
                    await http.GetAsync(endpoint);
                    break;
                }
                catch (HttpRequestException) when (i < 200)
                {
                    await Task.Delay(100);
                }
            }
        }
        return new ChildServer(process, endpoint);
    }

    /// <summary>CPU time the server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
