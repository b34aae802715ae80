using System.Net;
using System.Net.Sockets;

namespace Stelvio.DynamoDB.Local.Bench;

/// <summary>The HTTP runs: the engine and the do-nothing ceiling in one run, and the same harness against moto.</summary>
internal static class ServerRuns
{
    private static ChildServer StartSelf(bool noop)
    {
        var self = typeof(ServerRuns).Assembly.Location;
        return ChildServer.StartAsync("dotnet", noop ? [self, "serve", "--noop"] : [self, "serve"]).GetAwaiter().GetResult();
    }

    public static async Task EngineAndCeilingAsync(TimeSpan duration)
    {
        Console.WriteLine($"Over loopback, server in a child process, {duration.TotalSeconds:F0} s per run");
        var ceiling = new Dictionary<(bool Sdk, int Clients), double>();
        using (var noop = StartSelf(noop: true))
        {
            foreach (var sdk in new[] { false, true })
            {
                foreach (var clients in new[] { 1, 8 })
                {
                    ceiling[(sdk, clients)] = await HttpBench.RunAsync($"  do-nothing endpoint, PutItem body, {(sdk ? "AWS SDK" : "HttpClient")}, {clients} client(s)", noop, "PutItem", clients, sdk, duration);
                }
            }
        }
        using var engine = StartSelf(noop: false);
        await HttpBench.SeedAsync(engine.Endpoint);
        foreach (var sdk in new[] { false, true })
        {
            foreach (var clients in new[] { 1, 8 })
            {
                foreach (var operation in Workload.Operations)
                {
                    var perSecond = await HttpBench.RunAsync($"  engine {operation}, {(sdk ? "AWS SDK" : "HttpClient")}, {clients} client(s)", engine, operation, clients, sdk, duration);
                    Console.WriteLine($"{"",60}= {perSecond / ceiling[(sdk, clients)]:P0} of the do-nothing endpoint");
                }
            }
        }
    }

    public static async Task MotoAsync(TimeSpan duration)
    {
        var port = FreePort();
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        using var moto = await ChildServer.StartAsync("moto_server", ["-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], endpoint);
        Console.WriteLine($"moto_server over loopback, {duration.TotalSeconds:F0} s per run");
        await HttpBench.SeedAsync(endpoint);
        foreach (var sdk in new[] { false, true })
        {
            foreach (var clients in new[] { 1, 8 })
            {
                foreach (var operation in Workload.Operations)
                {
                    await HttpBench.RunAsync($"  moto {operation}, {(sdk ? "AWS SDK" : "HttpClient")}, {clients} client(s)", moto, operation, clients, sdk, duration);
                }
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
