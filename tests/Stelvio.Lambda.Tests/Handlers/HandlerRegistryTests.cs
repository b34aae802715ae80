using Stelvio.Lambda.Context;
using Stelvio.Lambda.Events.DynamoDB;
using Stelvio.Lambda.Handlers;
using Stelvio.Lambda.Serialization;

namespace Stelvio.Lambda.Tests.Handlers;

public class HandlerRegistryTests
{
    [Fact]
    public void Add_MethodGroup_IsNamedTypeDotMethod()
    {
        var registry = new HandlerRegistry().Add(Sample.Process).Add(Sample.Report);

        Assert.Equal(["Sample.Process", "Sample.Report"], registry.Names);
    }

    [Fact]
    public void Add_QualifiedMethodGroup_KeepsNamespaceAndDropsGlobal()
    {
        var registry = new HandlerRegistry().Add(global::Stelvio.Lambda.Tests.Handlers.Sample.Process);

        Assert.Equal(["Stelvio.Lambda.Tests.Handlers.Sample.Process"], registry.Names);
    }

    [Fact]
    public void Add_LambdaWithoutName_ThrowsAskingForAMethodGroupOrName()
    {
        var error = Assert.Throws<ArgumentException>(() => new HandlerRegistry().Add((DynamoDBEvent e, ILambdaContext c) => Task.CompletedTask));

        Assert.StartsWith("Handler name '(DynamoDBEvent e, ILambdaContext c) => Task.CompletedTask' is not [Namespace.]Type.Method. Pass a method group, as in h.Add(OrderHandlers.ProcessChanges), or give the name", error.Message);
    }

    [Fact]
    public void Add_LambdaWithName_UsesTheName()
    {
        var registry = new HandlerRegistry().Add((DynamoDBEvent e, ILambdaContext c) => Task.CompletedTask, name: "Audit.Handle");

        Assert.Equal(["Audit.Handle"], registry.Names);
    }

    [Theory]
    [InlineData("Handle")]
    [InlineData("Audit.")]
    [InlineData("Audit..Handle")]
    [InlineData("1Audit.Handle")]
    [InlineData("Audit.Handle()")]
    public void Add_MalformedName_Throws(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new HandlerRegistry().Add(Sample.Process, name));

        Assert.Contains($"Handler name '{name}' is not [Namespace.]Type.Method.", error.Message);
    }

    [Fact]
    public void Add_SameNameTwice_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new HandlerRegistry().Add(Sample.Process).Add(Sample.Report, "Sample.Process"));

        Assert.StartsWith("Handler 'Sample.Process' is registered twice.", error.Message);
    }

    [Theory]
    [InlineData("Sample.Process", "Sample.Process")]
    [InlineData("Stelvio.Lambda.Tests.Handlers.Sample.Process", "Sample.Process")]
    [InlineData("functions/Orders::Sample.Process", "Sample.Process")]
    [InlineData("Handlers.Sample.Report", "Handlers.Sample.Report")]
    [InlineData("Sample.Report", "Handlers.Sample.Report")]
    public void Resolve_FindsHandlerWithOrWithoutNamespace(string setting, string expected)
    {
        var registry = new HandlerRegistry().Add(Sample.Process).Add(Sample.Report, "Handlers.Sample.Report");

        var resolution = registry.Resolve(setting);

        Assert.Null(resolution.Error);
        Assert.Equal(expected, resolution.Handler!.Name);
    }

    [Fact]
    public void Resolve_UnknownName_ListsRegisteredHandlers()
    {
        var registry = new HandlerRegistry().Add(Sample.Process).Add(Sample.Report);

        var resolution = registry.Resolve("Sample.Missing");

        Assert.Null(resolution.Handler);
        Assert.Equal("_HANDLER 'Sample.Missing' matches no registered handler. Registered handlers: Sample.Process, Sample.Report. " +
            "Register it (h.Add(Sample.Missing)) or fix the function's Handler setting.", resolution.Error);
    }

    [Fact]
    public void Resolve_PartialSegment_DoesNotMatch()
    {
        var resolution = new HandlerRegistry().Add(Sample.Process).Resolve("ample.Process");

        Assert.Null(resolution.Handler);
    }

    [Fact]
    public void Resolve_NameMatchingTwoNamespaces_IsAmbiguous()
    {
        var registry = new HandlerRegistry().Add(Sample.Process, "A.Sample.Process").Add(Sample.Process, "B.Sample.Process");

        var resolution = registry.Resolve("Sample.Process");

        Assert.Equal("_HANDLER 'Sample.Process' is ambiguous: it matches A.Sample.Process, B.Sample.Process. " +
            "Set the Handler with its namespace, or register the handlers with distinct names.", resolution.Error);
    }

    [Fact]
    public void Resolve_WithoutHandlerSetting_SaysSo()
    {
        var resolution = new HandlerRegistry().Add(Sample.Process).Resolve(null);

        Assert.Equal("_HANDLER is not set; it names the handler to run, as [Namespace.]Type.Method. Registered handlers: Sample.Process.", resolution.Error);
    }

    [Fact]
    public void Resolve_WithNothingRegistered_ShowsHowToRegister()
    {
        var resolution = new HandlerRegistry().Resolve("Sample.Process");

        Assert.Contains("No handler is registered: register them in Program.cs, as in LambdaHost.RunAsync(h => h.Add(OrderHandlers.ProcessChanges)).", resolution.Error);
    }

    [Fact]
    public void Add_GenericHandler_IsRegisteredByName()
    {
        var registry = new HandlerRegistry().Add(Sample.Echo, LambdaJsonContext.Default.JsonElement, LambdaJsonContext.Default.JsonElement);

        Assert.Equal(["Sample.Echo"], registry.Names);
    }
}

internal static class Sample
{
    public static Task Process(DynamoDBEvent e, ILambdaContext context) => Task.CompletedTask;

    public static Task<StreamsEventResponse> Report(DynamoDBEvent e, ILambdaContext context) => Task.FromResult(new StreamsEventResponse());

    public static Task<System.Text.Json.JsonElement> Echo(System.Text.Json.JsonElement e, ILambdaContext context) => Task.FromResult(e);
}
