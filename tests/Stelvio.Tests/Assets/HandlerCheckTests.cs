using Stelvio.Assets;

namespace Stelvio.Tests.Assets;

/// <summary>
/// The check, when a C# asset is built, that its program registers every function's handler, with a stand-in for
/// <c>dotnet publish</c>/<c>dotnet build</c> and for the built program's <c>--list-handlers</c>.
/// </summary>
public sealed class HandlerCheckTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly List<ProcessCommand> commands = [];

    public HandlerCheckTests()
    {
        folder.Write("functions/Orders/Orders.Functions.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        folder.Write("functions/Orders/Program.cs", "// handlers");
    }

    private string Source => Path.Combine(folder.Path, "functions", "Orders");

    private string Cache => Path.Combine(folder.Path, ".stelvio", "assets");

    [Fact]
    public async Task HandlersTheProgramRegisters_Build_AfterAskingThePublishedProgram()
    {
        var builder = new AssetBuilder(Cache, StandIn(["OrderHandlers.ProcessChanges", "Shop.InventoryHandlers.UpdateStock"]), hostArchitecture: "x86_64");

        var built = await builder.BuildAsync(Asset("x86_64", ("process-orders", "OrderHandlers.ProcessChanges"), ("update-stock", "InventoryHandlers.UpdateStock")), CancellationToken.None);

        Assert.True(File.Exists(built.ZipPath));
        Assert.Equal(2, commands.Count);
        Assert.Equal("publish", commands[0].Arguments[0]);
        Assert.Equal(Path.Combine(Output(commands[0]), "Orders.Functions"), commands[1].FileName);
        Assert.Equal(["--list-handlers"], commands[1].Arguments);
    }

    [Fact]
    public async Task AHandlerTheProgramDoesNotRegister_FailsTheBuild_NamingTheFunctionTheHandlerAndWhatExists()
    {
        var builder = new AssetBuilder(Cache, StandIn(["OrderHandlers.ProcessChanges", "OrderHandlers.GetOrder"]), hostArchitecture: "x86_64");
        var asset = Asset("x86_64", ("process-orders", "OrderHandlers.ProcessChanges"), ("get-order", "OrderHandlers.GetOrdr"), ("report", "Reports.Daily"));

        var error = await Assert.ThrowsAsync<StelvioConfigException>(() => builder.BuildAsync(asset, CancellationToken.None));

        var how = "'bootstrap --list-handlers' of the published Native AOT program";
        Assert.Equal(
            [
                $"Function 'get-order': Handler: 'functions/Orders::OrderHandlers.GetOrdr' names 'OrderHandlers.GetOrdr', which the program in '{Source}' ({how}) does not register; " +
                "it registers OrderHandlers.ProcessChanges, OrderHandlers.GetOrder. Did you mean 'OrderHandlers.GetOrder'? " +
                "Fix the handler, or register it in the project's Program.cs: LambdaHost.RunAsync(h => h.Add(OrderHandlers.GetOrdr)).",
                $"Function 'report': Handler: 'functions/Orders::Reports.Daily' names 'Reports.Daily', which the program in '{Source}' ({how}) does not register; " +
                "it registers OrderHandlers.ProcessChanges, OrderHandlers.GetOrder. " +
                "Fix the handler, or register it in the project's Program.cs: LambdaHost.RunAsync(h => h.Add(Reports.Daily)).",
            ],
            error.Errors.Select(e => e.ToString()));
        Assert.False(File.Exists(Path.Combine(Cache, asset.Hash + ".zip")), "a program that fails the check is not cached");
    }

    [Fact]
    public async Task AMistypedType_IsSuggestedByItsMethod()
    {
        var builder = new AssetBuilder(Cache, StandIn(["OrderHandlers.ProcessChanges"]), hostArchitecture: "x86_64");

        var error = await Assert.ThrowsAsync<StelvioConfigException>(() =>
            builder.BuildAsync(Asset("x86_64", ("process-orders", "OrdersHandler.ProcessChanges")), CancellationToken.None));

        Assert.Contains("Did you mean 'OrderHandlers.ProcessChanges'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProgramRegisteringNothing_FailsEveryFunction()
    {
        var builder = new AssetBuilder(Cache, StandIn([]), hostArchitecture: "x86_64");

        var error = await Assert.ThrowsAsync<StelvioConfigException>(() =>
            builder.BuildAsync(Asset("x86_64", ("process-orders", "OrderHandlers.ProcessChanges")), CancellationToken.None));

        Assert.Contains("does not register; it registers no handler.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamesMatchAsLambdasRuntimeMatchesThem_WithOrWithoutTheNamespace_ButNotAmbiguously()
    {
        var builder = new AssetBuilder(Cache, StandIn(["Shop.OrderHandlers.ProcessChanges", "Billing.OrderHandlers.Report", "Audit.OrderHandlers.Report"]), hostArchitecture: "x86_64");
        await builder.BuildAsync(Asset("x86_64", ("a", "OrderHandlers.ProcessChanges"), ("b", "Billing.OrderHandlers.Report")), CancellationToken.None);

        var error = await Assert.ThrowsAsync<StelvioConfigException>(() => builder.BuildAsync(Asset("x86_64", ("c", "OrderHandlers.Report")), CancellationToken.None));

        Assert.Equal(
            $"Function 'c': Handler: 'functions/Orders::OrderHandlers.Report': 'OrderHandlers.Report' is ambiguous in the program in '{Source}' " +
            "('bootstrap --list-handlers' of the published Native AOT program): it matches Billing.OrderHandlers.Report, Audit.OrderHandlers.Report. Give the handler with its namespace.",
            error.Message);
    }

    [Fact]
    public async Task AProgramOfAnotherArchitecture_IsBuiltForThisMachineAndThatBuildIsAsked()
    {
        var builder = new AssetBuilder(Cache, StandIn(["OrderHandlers.ProcessChanges"]), hostArchitecture: "x86_64");

        var error = await Assert.ThrowsAsync<StelvioConfigException>(() =>
            builder.BuildAsync(Asset("arm64", ("process-orders", "OrderHandlers.ProcessChange")), CancellationToken.None));

        Assert.Equal(["publish", "build", "list"], commands.Select(c => c.Arguments[^1] == "--list-handlers" ? "list" : c.Arguments[0]));
        var build = commands[1];
        Assert.Equal(
            ["build", Path.Combine(Source, "Orders.Functions.csproj"), "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
             "--self-contained", "false", "-p:PublishAot=false", "-o", Output(build), "-nodeReuse:false", "-getProperty:TargetPath"],
            build.Arguments);
        Assert.Equal([Path.Combine(Output(build), "Orders.Functions.dll"), "--list-handlers"], commands[2].Arguments);
        Assert.Contains("'--list-handlers' of a build for this machine, since the arm64 program does not run here", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'OrderHandlers.ProcessChanges'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProgramThatCannotList_FailsTheBuildSayingWhatItMustDo()
    {
        var builder = new AssetBuilder(Cache, StandIn(null), hostArchitecture: "x86_64");

        var error = await Assert.ThrowsAsync<AssetBuildException>(() =>
            builder.BuildAsync(Asset("x86_64", ("process-orders", "OrderHandlers.ProcessChanges")), CancellationToken.None));

        Assert.StartsWith($"Function code in '{Source}': '{Path.Combine(commands[0].Arguments[commands[0].Arguments.ToList().IndexOf("-o") + 1], "Orders.Functions")} --list-handlers' failed with exit code 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("the program must call LambdaHost.RunAsync (Stelvio.Lambda) in Program.cs", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("AWS_LAMBDA_RUNTIME_API is not set.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHandlers_ArePartOfTheHash_SoAZipInTheCacheOrBucketWasCheckedAgainstThem()
    {
        var first = Asset("x86_64", ("a", "OrderHandlers.ProcessChanges"));
        var same = Asset("x86_64", ("b", "OrderHandlers.ProcessChanges"));
        var renamed = Asset("x86_64", ("a", "OrderHandlers.ProcessChange"));

        Assert.Equal(first.Hash, same.Hash);
        Assert.NotEqual(first.Hash, renamed.Hash);
    }

    public void Dispose() => folder.Dispose();

    private FunctionAsset Asset(string architecture, params (string Function, string Name)[] handlers) =>
        FunctionAsset.For(AssetKind.DotnetProject, Source, architecture, nativeAot: true, null,
            [.. handlers.Select(h => new AssetHandler($"Function '{h.Function}'", "functions/Orders::" + h.Name, h.Name))]);

    private static string Output(ProcessCommand command) => command.Arguments[command.Arguments.ToList().IndexOf("-o") + 1];

    /// <summary>
    /// Stands in for dotnet publish and build (writing the program, printing its name or path last) and for the built
    /// program's --list-handlers, which prints <paramref name="registered"/> among other output, or fails when null.
    /// </summary>
    private RunProcess StandIn(string[]? registered) => (command, _) =>
    {
        lock (commands)
        {
            commands.Add(command);
        }

        if (command.Arguments[^1] == "--list-handlers")
        {
            return Task.FromResult(registered is null
                ? new ProcessOutcome(1, ["AWS_LAMBDA_RUNTIME_API is not set."])
                : new ProcessOutcome(0, ["warn: some start-up log line", .. registered, ""]));
        }

        var output = Output(command);
        Directory.CreateDirectory(output);
        var publish = command.Arguments[0] == "publish";
        var program = Path.Combine(output, publish ? "Orders.Functions" : "Orders.Functions.dll");
        File.WriteAllText(program, "program");
        return Task.FromResult(new ProcessOutcome(0, ["  Restored.", publish ? "Orders.Functions" : program]));
    };
}
