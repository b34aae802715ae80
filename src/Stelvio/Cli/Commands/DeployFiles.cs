namespace Stelvio.Cli.Commands;

/// <summary>Writes the files synth generates beside the user's code, leaving unchanged ones untouched.</summary>
internal static class DeployFiles
{
    public static void WriteGenerated(SynthResult result)
    {
        foreach (var (path, content) in result.GeneratedFiles)
        {
            if (!File.Exists(path) || File.ReadAllText(path) != content)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
            }
        }
    }
}
