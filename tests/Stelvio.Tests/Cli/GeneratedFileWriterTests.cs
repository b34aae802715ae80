using Stelvio.Cli;

namespace Stelvio.Tests.Cli;

public sealed class GeneratedFileWriterTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "stelvio-generated-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Write_CreatesMissingFilesAndFolders_AndRewritesOnlyChangedOnes()
    {
        var first = Path.Combine(folder, "functions", "Orders", "StelvioResources.g.cs");
        var second = Path.Combine(folder, "functions", "stlv_resources.py");

        var created = GeneratedFileWriter.Write(new Dictionary<string, string> { [first] = "class A {}\n", [second] = "import os\n" });
        var unchanged = GeneratedFileWriter.Write(new Dictionary<string, string> { [first] = "class A {}\n", [second] = "import os\n" });
        var changed = GeneratedFileWriter.Write(new Dictionary<string, string> { [first] = "class B {}\n", [second] = "import os\n" });

        Assert.Equal([first, second], created);
        Assert.Empty(unchanged);
        Assert.Equal([first], changed);
        Assert.Equal("class B {}\n", File.ReadAllText(first));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
