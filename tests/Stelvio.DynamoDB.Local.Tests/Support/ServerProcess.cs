using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Stelvio.DynamoDB.Local.Tests.Support;

/// <summary>The standalone server (stelvio-dynamodb-local) as a child process, started on a free port.</summary>
public sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output;

    private ServerProcess(Process process, Uri endpoint, List<string> output)
    {
        _process = process;
        Endpoint = endpoint;
        _output = output;
    }

    public Uri Endpoint { get; }

    public int Id => _process.Id;

    /// <summary>Everything the server printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts the server with <paramref name="args"/> (plus --port 0) and returns once it prints its endpoint.</summary>
    public static async Task<ServerProcess> StartAsync(params string[] args)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "stelvio-dynamodb-local.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(server);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        var lines = new List<string>();
        var endpoint = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                endpoint.TrySetException(new InvalidOperationException("The server exited before printing its endpoint:\n" + string.Join('\n', lines)));
                return;
            }
            lock (lines)
            {
                lines.Add(line);
            }
            if (EndpointLine().Match(line) is { Success: true } match)
            {
                endpoint.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var uri = await endpoint.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new ServerProcess(process, uri, lines);
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    public AmazonDynamoDBClient Client() => new(
        new BasicAWSCredentials("test", "test"),
        new AmazonDynamoDBConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0, Timeout = TimeSpan.FromSeconds(20) });

    /// <summary>SIGKILL: the process ends at once, with no chance to flush or close anything.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, then waits for the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+/)")]
    private static partial Regex EndpointLine();
}
