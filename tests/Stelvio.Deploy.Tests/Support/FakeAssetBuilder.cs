using System.IO.Compression;
using System.Security.Cryptography;
using Stelvio.Assets;

namespace Stelvio.Deploy.Tests.Support;

/// <summary>Stands in for the real asset builder: writes a small zip with a handler file, and counts builds.</summary>
internal sealed class FakeAssetBuilder : IAssetBuilder
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "stelvio-fake-assets-" + Guid.NewGuid().ToString("N"));

    public List<FunctionAsset> Built { get; } = [];

    public Task<BuiltAsset> BuildAsync(FunctionAsset asset, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, asset.Hash + ".zip");
        using (var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry("handler.py");
            using var writer = new StreamWriter(entry.Open());
            writer.Write("def handle(event, context):\n    return {'ok': True}\n");
        }

        Built.Add(asset);
        var bytes = File.ReadAllBytes(path);
        return Task.FromResult(new BuiltAsset(asset, path, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), FromCache: false));
    }
}
