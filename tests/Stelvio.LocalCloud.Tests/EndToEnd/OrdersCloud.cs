using Orders;
using Stelvio.Testing;

namespace Stelvio.LocalCloud.Tests.EndToEnd;

/// <summary>
/// The example app (examples/Orders) running locally, started once for the test classes of <see cref="OrdersCollection"/>:
/// its C# functions are built once (then taken from the build cache), and the tests share the cloud, each with its own
/// customers.
/// </summary>
public sealed class OrdersCloud : IAsyncLifetime
{
    public Testing.LocalCloud Cloud { get; private set; } = null!;

    public async Task InitializeAsync() => Cloud = await Testing.LocalCloud.StartAsync(OrdersApp.Name, "test", OrdersApp.Declare);

    public async Task DisposeAsync() => await Cloud.DisposeAsync();
}

/// <summary>The test classes that share the running example.</summary>
[CollectionDefinition(Name)]
public sealed class OrdersCollection : ICollectionFixture<OrdersCloud>
{
    public const string Name = "Orders example";
}
