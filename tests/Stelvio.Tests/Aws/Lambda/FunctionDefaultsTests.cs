using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Tests.Fixtures;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.Lambda;

/// <summary>The app's <see cref="StelvioApp.FunctionDefaults"/>: settings every function gets unless it gives its own.</summary>
public sealed class FunctionDefaultsTests
{
    [Fact]
    public void PythonApp_NamesItsRuntimeOnce_ForFunctionsAndSubscriptions()
    {
        var template = AppSynth.Template(app =>
        {
            app.FunctionDefaults = new() { Runtime = "python3.12", Memory = 256, Timeout = TimeSpan.FromSeconds(30), Architecture = LambdaArchitecture.Arm64 };
            var orders = GuideTables.OrdersWithStream();
            orders.Subscribe("process-orders", "functions/orders.process_changes");
            new Function("process-user", new() { Handler = "functions/users.handler", Memory = 512 });
        });

        var subscribed = template.Resource("OrdersProcessOrdersFunction")["Properties"]!;
        Assert.Equal("python3.12", subscribed["Runtime"]!.GetValue<string>());
        Assert.Equal("orders.process_changes", subscribed["Handler"]!.GetValue<string>());
        Assert.Equal(256, subscribed["MemorySize"]!.GetValue<int>());
        Assert.Equal(30, subscribed["Timeout"]!.GetValue<int>());
        Assert.Equal("arm64", subscribed["Architectures"]![0]!.GetValue<string>());

        // A function's own setting wins over the default.
        var own = template.Resource("ProcessUserFunction")["Properties"]!;
        Assert.Equal("python3.12", own["Runtime"]!.GetValue<string>());
        Assert.Equal(512, own["MemorySize"]!.GetValue<int>());
    }

    [Fact]
    public void FunctionsOwnRuntime_WinsOverTheDefault()
    {
        var template = AppSynth.Template(app =>
        {
            app.FunctionDefaults = new() { Runtime = LambdaRuntime.Python312 };
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Runtime = LambdaRuntime.Dotnet });
        });

        template.HasResourceProperties("AWS::Lambda::Function", new { Runtime = "provided.al2023", Handler = "OrderHandlers.ProcessChanges" });
    }

    [Fact]
    public void WithoutDefaults_StelviosOwnApply()
    {
        var template = AppSynth.Template(app => new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" }));

        template.HasResourceProperties("AWS::Lambda::Function", new { Runtime = "provided.al2023", MemorySize = 128, Timeout = 60, Architectures = new[] { "x86_64" } });
    }

    [Fact]
    public void Defaults_SetAfterAFunction_AreRefused()
    {
        var error = AppSynth.Error(app =>
        {
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" });
            app.FunctionDefaults = new() { Memory = 512 };
        });

        Errors.Single(error, "App", "FunctionDefaults",
            "is set after Function 'worker' was declared, which did not get them. Set FunctionDefaults first in the app's declaration.");
    }

    [Fact]
    public void Defaults_OutOfRange_AreRefusedWhenSet_AllTogether()
    {
        var error = AppSynth.Error(app => app.FunctionDefaults = new() { Runtime = "python2.7", Memory = 64, Timeout = TimeSpan.FromSeconds(0.5) });

        Assert.Equal(
            [
                "App: FunctionDefaults.Runtime: 'python2.7' is not supported. Use \"provided.al2023\" (C#, the default) or \"python3.12\", \"python3.13\", \"python3.14\" (or LambdaRuntime).",
                "App: FunctionDefaults.Memory: 64 MB is out of range; Lambda accepts 128 to 10,240 MB.",
                "App: FunctionDefaults.Timeout: 00:00:00.5000000 is not a whole number of seconds; AWS takes this setting in whole seconds. Round it (TimeSpan.FromSeconds(n)) or give the seconds as a number.",
            ],
            error.Errors.Select(e => e.ToString()));
    }
}
