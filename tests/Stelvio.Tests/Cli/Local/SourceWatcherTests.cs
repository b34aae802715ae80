using Stelvio.Cli.Local;

namespace Stelvio.Tests.Cli.Local;

/// <summary><c>dev</c>'s watch of function folders: which changes are sources, and that a change leads to a call.</summary>
public sealed class SourceWatcherTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("stelvio-watch-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("Handler.cs", true)]
    [InlineData("Orders.Functions.csproj", true)]
    [InlineData("Models/Order.cs", true)]
    [InlineData("handler.py", true)]
    [InlineData("bin/Release/bootstrap", false)]
    [InlineData("obj/project.assets.json", false)]
    [InlineData("Models/obj/x.cs", false)]
    [InlineData(".stelvio/local/abc/bootstrap", false)]
    [InlineData("__pycache__/handler.cpython-312.pyc", false)]
    [InlineData("StelvioResources.orders-process-orders.g.cs", false)]
    [InlineData("stlv_resources.py", false)]
    [InlineData("Handler.cs~", false)]
    [InlineData(".Handler.cs.swp", false)]
    [InlineData("obj", false)]
    [InlineData("../elsewhere/Handler.cs", false)]
    public void OnlyTheFunctionsOwnSourcesCount(string relative, bool isSource) =>
        Assert.Equal(isSource, SourceWatcher.IsSource(folder, Path.Combine(folder, relative)));

    [Fact]
    public async Task ASavedSourceFile_CallsBackWithItsFolder_AndBuildOutputDoesNot()
    {
        var calls = new List<string>();
        var called = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (new SourceWatcher([folder], TimeSpan.FromMilliseconds(100), (changed, _) =>
        {
            lock (calls)
            {
                calls.Add(changed);
            }

            called.TrySetResult(changed);
            return Task.CompletedTask;
        }))
        {
            Directory.CreateDirectory(Path.Combine(folder, "obj"));
            await File.WriteAllTextAsync(Path.Combine(folder, "obj", "project.assets.json"), "{}");
            await File.WriteAllTextAsync(Path.Combine(folder, "StelvioResources.f.g.cs"), "// generated");
            await File.WriteAllTextAsync(Path.Combine(folder, "Handler.cs"), "class Handler;");

            Assert.Equal(folder, await called.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.All(calls, c => Assert.Equal(folder, c));
    }
}
