using Stelvio.LocalCloud.Bench;

// dotnet run -c Release --project bench/Stelvio.LocalCloud.Bench -- [--quick] [dispatch]
// With no section named, runs every section.
var quick = args.Contains("--quick");
var only = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
bool Selected(string name) => only.Count == 0 || only.Contains(name);
Console.WriteLine($"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start, .NET {Environment.Version}");

if (Selected("dispatch"))
{
    await EventSourceDispatchBench.RunAsync(quick);
}
return 0;
