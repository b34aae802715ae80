using Stelvio.DynamoDB.Local.Bench;

// dotnet run -c Release --project bench/Stelvio.DynamoDB.Local.Bench -- [--quick] [persistence]
var quick = args.Contains("--quick");
var duration = TimeSpan.FromSeconds(quick ? 2 : 10);
var only = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
bool Selected(string name) => only.Count == 0 || only.Contains(name);

if (Selected("persistence"))
{
    PersistenceBench.Run(duration);
}
return 0;
