using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stelvio.Testing;

namespace Shop.Tests;

/// <summary>
/// The whole template against the copy in Snapshots/, so any change to what the app deploys shows up in review.
/// The first run writes the snapshot; after a deliberate change, run with STELVIO_UPDATE_SNAPSHOTS=1 and review the diff.
/// </summary>
public sealed class AppSnapshotTests
{
    [Fact]
    public void Template_MatchesTheSnapshot()
    {
        var actual = Show(Template.Synth(ShopApp.Name, "test", ShopApp.Declare));
        var file = Path.Combine(SourceFolder(), "Snapshots", $"{ShopApp.Name}-test.template.json");

        if (!File.Exists(file) || Environment.GetEnvironmentVariable("STELVIO_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, actual);
        }

        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), actual);
    }

    // The template as indented JSON, with the functions' code keys (hashes of their sources) masked, so
    // that editing a handler does not change the snapshot.
    private static string Show(Template template)
    {
        var json = template.Json.DeepClone().AsObject();
        foreach (var (_, resource) in json["Resources"]!.AsObject())
        {
            if (resource?["Properties"]?["Code"] is JsonObject code && code.ContainsKey("S3Key"))
            {
                code["S3Key"] = "(hash of the sources)";
            }
        }

        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private static string SourceFolder([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
