using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Tests.Fixtures;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.Lambda;

/// <summary>The forms a function's settings take besides the guide's: durations as <see cref="TimeSpan"/>, the runtime as <see cref="LambdaRuntime"/>.</summary>
public sealed class FunctionSettingFormsTests
{
    private const string CSharp = "functions/Orders::OrderHandlers.ProcessChanges";

    [Fact]
    public void Timeout_AsTimeSpan_IsWrittenInSeconds()
    {
        var template = AppSynth.Template(app => new Function("worker", new() { Handler = CSharp, Timeout = TimeSpan.FromMinutes(2) }));

        template.HasResourceProperties("AWS::Lambda::Function", new { Timeout = 120 });
    }

    [Fact]
    public void Timeout_InTheDictionaryForm_TakesSecondsOrATimeSpan()
    {
        var template = AppSynth.Template(app =>
        {
            new Function("seconds", new Dictionary<string, object?> { ["handler"] = CSharp, ["timeout"] = 45L });
            new Function("span", new Dictionary<string, object?> { ["handler"] = CSharp, ["Timeout"] = TimeSpan.FromSeconds(90) });
        });

        Assert.Equal(45, template.Resource("SecondsFunction")["Properties"]!["Timeout"]!.GetValue<int>());
        Assert.Equal(90, template.Resource("SpanFunction")["Properties"]!["Timeout"]!.GetValue<int>());
    }

    [Fact]
    public void Timeout_WithAFractionOfASecond_IsRefusedNamingTheSetting()
    {
        var error = AppSynth.Error(app => new Function("worker", new() { Handler = CSharp, Timeout = TimeSpan.FromMilliseconds(1500) }));

        Errors.Single(error, "Function 'worker'", "Timeout",
            "00:00:01.5000000 is not a whole number of seconds; AWS takes this setting in whole seconds. Round it (TimeSpan.FromSeconds(n)) or give the seconds as a number.");
    }

    [Fact]
    public void Timeout_AsTimeSpanOutOfRange_IsRefusedInSeconds()
    {
        var error = AppSynth.Error(app => new Function("worker", new() { Handler = CSharp, Timeout = TimeSpan.FromMinutes(16) }));

        Errors.Single(error, "Function 'worker'", "Timeout", "960 seconds is out of range; Lambda accepts 1 to 900 seconds (15 minutes).");
    }

    [Theory]
    [InlineData(LambdaRuntime.Python312, "python3.12")]
    [InlineData(LambdaRuntime.Python313, "python3.13")]
    [InlineData(LambdaRuntime.Python314, "python3.14")]
    public void Runtime_AsEnum_IsWrittenAsLambdasName(LambdaRuntime runtime, string expected)
    {
        var template = AppSynth.Template(app => new Function("worker", new() { Handler = "functions/users.handler", Runtime = runtime }));

        template.HasResourceProperties("AWS::Lambda::Function", new { Runtime = expected, Handler = "users.handler" });
    }

    [Fact]
    public void Runtime_AsTextInAnyCaseOrInTheDictionaryForm_IsTheSameRuntime()
    {
        var template = AppSynth.Template(app =>
        {
            new Function("upper", new() { Handler = "functions/users.handler", Runtime = "Python3.13" });
            new Function("dictionary", new Dictionary<string, object?> { ["handler"] = "functions/users.handler", ["runtime"] = LambdaRuntime.Python313 });
            new Function("dotnet", new() { Handler = CSharp, Runtime = LambdaRuntime.Dotnet });
        });

        Assert.Equal("python3.13", template.Resource("UpperFunction")["Properties"]!["Runtime"]!.GetValue<string>());
        Assert.Equal("python3.13", template.Resource("DictionaryFunction")["Properties"]!["Runtime"]!.GetValue<string>());
        Assert.Equal("provided.al2023", template.Resource("DotnetFunction")["Properties"]!["Runtime"]!.GetValue<string>());
    }

    [Fact]
    public void Runtime_UndefinedEnumValue_IsRefusedListingTheAcceptedOnes()
    {
        var error = AppSynth.Error(app => new Function("worker", new() { Handler = "functions/users.handler", Runtime = (LambdaRuntime)42 }));

        Errors.Single(error, "Function 'worker'", "Runtime",
            "'42' is not supported. Use \"provided.al2023\" (C#, the default) or \"python3.12\", \"python3.13\", \"python3.14\" (or LambdaRuntime).");
    }
}
