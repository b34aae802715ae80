using Stelvio.LocalCloud.Bench;

// Timed runs of the local cloud, one mode per class. Not a test; not part of dotnet test.
//   dotnet run -c Release --project bench/Stelvio.LocalCloud.Bench -- invoke-latency [warm invocations] [cold starts] [--bootstrap DIR]
//   dotnet run -c Release --project bench/Stelvio.LocalCloud.Bench -- dispatch [--quick]
//   dotnet run -c Release --project bench/Stelvio.LocalCloud.Bench -- e2e-latency [writes (default 300)]
var mode = args.Length > 0 ? args[0] : "";
return mode switch
{
    "invoke-latency" => await InvokeLatencyBench.RunAsync(args[1..]),
    "dispatch" => await EventSourceDispatchBench.RunAsync(args[1..]),
    "e2e-latency" => await EndToEndLatencyBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Modes: invoke-latency [warm invocations (default 500)] [cold starts (default 20)] [--bootstrap DIR: a published bootstrap to measure too, e.g. Native AOT]");
    Console.Error.WriteLine("       e2e-latency [writes (default 300)]: the whole local cloud, PutItem through the AWS SDK acknowledged → subscribed handler invoked (Python and the example's C#), p50/p99");
    Console.Error.WriteLine("       dispatch [--quick]: stream mappings with an in-process function (PutItem acknowledged → invoker called, p50/p99; records/s)");
    return 2;
}
