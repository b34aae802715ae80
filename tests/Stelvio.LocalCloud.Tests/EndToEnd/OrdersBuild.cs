using Orders;
using Stelvio.Local;

namespace Stelvio.LocalCloud.Tests.EndToEnd;

/// <summary>
/// The example app (examples/Orders) synthesized and its functions built for this machine, once per test run:
/// every end-to-end test class shares it through <see cref="OrdersCollection"/>.
/// </summary>
public sealed class OrdersBuild : IAsyncLifetime
{
    internal SynthResult Synth { get; private set; } = null!;

    internal LocalBuildResult Code { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Synth = StelvioApp.Declare(OrdersApp.Name, "test", OrdersApp.Declare, ExampleDirectory).Synth();
        Code = await LocalBuild.BuildAsync(Synth, null, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>examples/Orders in this checkout.</summary>
    internal static string ExampleDirectory { get; } = FindExample();

    private static string FindExample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples", "Orders");
            if (File.Exists(Path.Combine(candidate, "Orders.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"examples/Orders not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The test classes that share one build of the example.</summary>
[CollectionDefinition(Name)]
public sealed class OrdersCollection : ICollectionFixture<OrdersBuild>
{
    public const string Name = "Orders example";
}
