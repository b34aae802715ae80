using Stelvio.Local;

namespace Stelvio.LocalCloud.Tests.EndToEnd;

/// <summary>The example's functions built for this machine by a real <c>dotnet publish</c>.</summary>
[Collection(OrdersCollection.Name)]
public class OrdersLocalBuildTests(OrdersBuild build)
{
    [Fact]
    public void EveryFunctionsCodeKey_HasABootstrapBuiltForTheHost()
    {
        var keys = build.Synth.Assets.Select(a => a.S3Key).ToList();

        Assert.Equal(keys.Order(StringComparer.Ordinal), build.Code.Keys.Order(StringComparer.Ordinal));
        foreach (var each in build.Code.Builds.Where(b => b.Asset.Kind == Assets.AssetKind.DotnetProject))
        {
            Assert.True(File.Exists(Path.Combine(each.Code.Directory, "bootstrap")), $"no bootstrap in {each.Code.Directory}");
            var expected = LocalToolchain.Detect().NativeAotToolchain ? LocalBuildKind.DotnetNativeAot : LocalBuildKind.DotnetJit;
            Assert.Equal(expected, each.Kind);
            Assert.Equal(expected == LocalBuildKind.DotnetJit, build.Code.Notices.Any(n => n.Contains("runs locally as a JIT build", StringComparison.Ordinal)));
        }
    }
}
