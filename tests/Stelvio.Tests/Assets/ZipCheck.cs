using System.Diagnostics;
using System.IO.Compression;

namespace Stelvio.Tests.Assets;

/// <summary>
/// Checks a zip with readers that share no code with <see cref="Stelvio.Assets.DeterministicZip"/>: Info-ZIP's
/// <c>unzip -t</c> (strict about deflate data, as Lambda's and Java's readers are), Python's
/// <c>zipfile -t</c>, and .NET's <see cref="ZipArchive"/> reading every entry to its end.
/// </summary>
internal static class ZipCheck
{
    public static void AssertValid(string zipPath)
    {
        var unzip = Run("unzip", "-tqq", zipPath);
        Assert.True(unzip.ExitCode == 0, $"unzip -t {zipPath} failed ({unzip.ExitCode}): {unzip.Output}");

        var python = Run("python3", "-m", "zipfile", "-t", zipPath);
        Assert.True(python.ExitCode == 0 && !python.Output.Contains("first bad file", StringComparison.OrdinalIgnoreCase), $"python3 -m zipfile -t {zipPath} failed ({python.ExitCode}): {python.Output}");

        using var archive = ZipFile.OpenRead(zipPath);
        foreach (var entry in archive.Entries)
        {
            using var content = entry.Open();
            var read = 0L;
            var buffer = new byte[81920];
            int n;
            while ((n = content.Read(buffer)) > 0)
            {
                read += n;
            }

            Assert.Equal(entry.Length, read);
        }
    }

    public static void AssertValid(byte[] zip)
    {
        var path = Path.Combine(Path.GetTempPath(), "stelvio-zipcheck-" + Guid.NewGuid().ToString("N") + ".zip");
        File.WriteAllBytes(path, zip);
        try
        {
            AssertValid(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
