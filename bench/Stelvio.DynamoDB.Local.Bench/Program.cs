using Stelvio.DynamoDB.Local.Bench;

// dotnet run -c Release --project bench/Stelvio.DynamoDB.Local.Bench -- [--quick] [inprocess] [memory] [http] [moto] [persistence]
// With no section named, runs inprocess, memory, http and persistence. "moto" runs the HTTP part against moto_server.
if (args is ["serve", ..])
{
    return await BenchServer.ServeAsync(noop: args.Contains("--noop"));
}

var quick = args.Contains("--quick");
var duration = TimeSpan.FromSeconds(quick ? 1 : 5);
var only = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
bool Selected(string name) => only.Count == 0 ? name != "moto" : only.Contains(name);
Console.WriteLine($"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start, .NET {Environment.Version}");

if (Selected("inprocess"))
{
    InProcessBench.Run(duration);
}
if (Selected("memory"))
{
    InProcessBench.Memory();
}
if (Selected("http"))
{
    await ServerRuns.EngineAndCeilingAsync(duration);
}
if (Selected("moto"))
{
    await ServerRuns.MotoAsync(duration);
}
if (Selected("persistence"))
{
    PersistenceBench.Run(duration);
}
return 0;
