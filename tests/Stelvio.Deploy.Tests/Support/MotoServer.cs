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

    private const string Guard = """
        import os, shutil, subprocess, sys, threading, time
        if shutil.which("moto_server") is None:
            sys.exit("moto_server is not on PATH: pip install 'moto[server]'")
        server = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", sys.argv[1]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        parent = os.getppid()
        closed = threading.Event()
        threading.Thread(target=lambda: (sys.stdin.read(), closed.set()), daemon=True).start()
        try:
            while server.poll() is None and os.getppid() == parent and not closed.is_set():
                time.sleep(0.2)
        finally:
            if server.poll() is None:
                server.terminate()
                server.wait(5)
        """;
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

            // moto_server runs under a small Python guard that stops it when this test process goes away,
            // even if the test host crashes before DisposeAsync.
            var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Guard);
            start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                throw new InvalidOperationException($"python3 could not be started to run moto_server ({exception.Message}). Set {Variable} to a running moto_server instead.", exception);
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
                    throw new InvalidOperationException($"moto_server exited with code {process.ExitCode} before answering. Install it with: pip install 'moto[server]' (or set {Variable} to a running one).");
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
            // Closing its input tells the guard to stop moto_server and wait for it.
            process.StandardInput.Close();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
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
