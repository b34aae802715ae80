using Orders;
using Stelvio.Aws.Lambda;
using Stelvio.Testing;

namespace Stelvio.Tests.Testing;

/// <summary>Where <see cref="Template.Synth(string, string, Action{StelvioApp})"/> looks for handler folders.</summary>
public sealed class TemplateSynthTests
{
    private static readonly string RepoRoot = Docs.Snippets.DocSources.RepoRoot;

    [Fact]
    public void Synth_FindsTheHandlerFoldersOfTheAppsProject_NotOfTheWorkingDirectory()
    {
        // The tests run in their bin folder, which has no functions/Orders: only the app's project does.
        Assert.False(Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "functions", "Orders")));

        var template = Template.Synth(OrdersApp.Name, "test", OrdersApp.Declare);

        Assert.Equal(Path.Combine(RepoRoot, "examples", "Orders"), template.Result!.App.ProjectDirectory);
        template.ResourceCountIs("AWS::Lambda::Function", 3);
    }

    [Fact]
    public void Synth_WithALambdaOfTheTests_UsesTheTestProjectsFolder()
    {
        var template = Template.Synth("shop", "test", _ => new Function("worker", new() { Handler = "Fixtures/app/functions/Orders::OrderHandlers.Handle" }));

        Assert.Equal(Path.Combine(RepoRoot, "tests", "Stelvio.Tests"), template.Result!.App.ProjectDirectory);
    }

    [Fact]
    public void Synth_WithAnotherProjectDirectory_ReportsTheMissingHandlerFolder()
    {
        var empty = Directory.CreateTempSubdirectory("stelvio-synth-").FullName;
        try
        {
            var error = Assert.Throws<StelvioConfigException>(() => Template.Synth(OrdersApp.Name, "test", OrdersApp.Declare, empty));

            Assert.Contains(error.Errors, e => e.Component == "Function 'orders-process-orders'" && e.Property == "Handler");
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
