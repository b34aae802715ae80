using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Stelvio.Deploy.Bench -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Stelvio.Deploy.Bench.DeployBenchmarks).Assembly).Run(args);
