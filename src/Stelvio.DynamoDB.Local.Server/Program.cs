using System.Runtime.InteropServices;
using Stelvio.DynamoDB.Local;
using Stelvio.DynamoDB.Local.Server;

// dotnet run --project src/Stelvio.DynamoDB.Local.Server -- --port 8000 [--data DIR] [--region R] [--no-sync]
LocalDynamoOptions? options;
try
{
    options = ServerArguments.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"stelvio-dynamodb-local: {error.Message}");
    Console.Error.WriteLine(ServerArguments.Usage);
    return 2;
}
if (options is null)
{
    Console.WriteLine(ServerArguments.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

LocalDynamo server;
try
{
    server = await LocalDynamo.StartAsync(options, stop.Token);
}
catch (Exception error) when (error is IOException or UnauthorizedAccessException or Stelvio.DynamoDB.Local.Persistence.CorruptStoreException)
{
    Console.Error.WriteLine($"stelvio-dynamodb-local: {error.Message}");
    return 1;
}

await using (server)
{
    var storage = options.DataDirectory is { } data
        ? $"data in {Path.GetFullPath(data)}{(options.SyncWrites ? "" : " (--no-sync)")}"
        : "in memory";
    Console.WriteLine($"Stelvio DynamoDB Local listening on {server.Endpoint} (region {options.Region}, {storage}); Ctrl+C stops it.");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
    Console.WriteLine("Stopping.");
}
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
