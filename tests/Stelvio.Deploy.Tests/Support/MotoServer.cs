using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Stelvio.Deploy.Tests.Support;

/// <summary>
/// The moto emulator the end-to-end tests deploy to. <c>.ci/run</c> starts <c>moto_server</c> before the
/// tests and passes its URL in <c>STELVIO_TEST_MOTO_ENDPOINT</c>; without it (a developer's
/// <c>dotnet test</c>), this fixture starts <c>moto_server -H 127.0.0.1 -p PORT</c> itself on a free
/// port and stops it afterwards.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    public const string Variable = "STELVIO_TEST_MOTO_ENDPOINT";
    private Process? process;

    /// <summary>The emulator's URL, such as <c>http://127.0.0.1:5123</c>.</summary>
    public string Endpoint { get; private set; } = "";

    public int Port => new Uri(Endpoint).Port;

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            Endpoint = given.TrimEnd('/');
        }
        else
        {
            var port = FreePort();
            var start = new ProcessStartInfo("moto_server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                throw new InvalidOperationException($"moto_server could not be started ({exception.Message}). Install it with: pip install 'moto[server]' (or set {Variable} to a running one).", exception);
            }

            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            Endpoint = $"http://127.0.0.1:{port}";
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(Endpoint + "/moto-api/");
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                if (process is { HasExited: true })
                {
                    throw new InvalidOperationException($"moto_server exited with code {process.ExitCode} before answering.");
                }

                await Task.Delay(200);
            }
        }
    }

    /// <summary>Forgets every resource moto holds, so that each test starts from an empty account.</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(Endpoint + "/moto-api/reset", null);
        response.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
