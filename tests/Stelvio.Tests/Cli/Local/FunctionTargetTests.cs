using Orders;
using Stelvio.Cli.Local;

namespace Stelvio.Tests.Cli.Local;

/// <summary>How <c>invoke</c> finds the function it is given: by its name in the app or its physical name; otherwise an error listing them.</summary>
public sealed class FunctionTargetTests
{
    private static readonly SynthResult Synth = StelvioApp.Declare(OrdersApp.Name, "demo", OrdersApp.Declare, Path.Combine(Docs.Snippets.DocSources.RepoRoot, "examples", "Orders")).Synth();

    [Theory]
    [InlineData("process-user")]
    [InlineData("shop-demo-process-user")]
    public void AFunction_IsFoundByItsNameInTheAppOrItsPhysicalName(string name)
    {
        var target = FunctionTarget.Find(Synth, name);

        Assert.Equal(("process-user", "shop-demo-process-user", "ProcessUserFunction"), (target.Name, target.PhysicalName, target.LogicalId));
        Assert.EndsWith(Path.Combine("functions", "Orders"), target.Asset.SourceDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFunctionOfTheApp_IsListed()
    {
        Assert.Equal(["orders-process-orders", "orders-update-inventory", "process-user"], FunctionTarget.All(Synth).Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnUnknownName_IsAnErrorListingTheFunctions_WithASuggestion()
    {
        var exception = Assert.Throws<LocalCommandException>(() => FunctionTarget.Find(Synth, "proces-user"));

        Assert.Equal(
            "App 'shop' has no function 'proces-user'. Did you mean 'process-user'? Its functions: orders-process-orders (shop-demo-orders-process-orders), " +
            "orders-update-inventory (shop-demo-orders-update-inventory), process-user (shop-demo-process-user).",
            exception.Message);
    }
}
