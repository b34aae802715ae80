using System.Diagnostics;
using System.IO.Compression;
using Stelvio.Assets;

namespace Stelvio.Tests.Assets;

/// <summary>
/// One real <c>dotnet publish</c> of a tiny console project whose assembly is not named bootstrap, then the
/// zip's <c>bootstrap</c> is extracted and run. Slow-ish (a self-contained publish), so only one. The build also runs
/// the published program with <c>--list-handlers</c> (here answered by the program itself, as LambdaHost answers it)
/// to check the function's handler.
/// </summary>
public class DotnetPublishTests
{
    [Fact]
    public async Task TinyProject_IsPublishedZippedAndRunsAsBootstrap()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            return; // It runs the linux-x64 bootstrap it builds (xunit 2 has no dynamic skip).
        }

        using var folder = new TempFolder();
        folder.Write("functions/Hello/Hello.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
            </Project>
            """);
        folder.Write("functions/Hello/Program.cs", """
            if (args is ["--list-handlers"])
            {
                System.Console.WriteLine("Hello.Handle");
                return;
            }

            System.Console.WriteLine("hello from " + System.Environment.GetEnvironmentVariable("_HANDLER"));
            """);
        var asset = FunctionAsset.For(AssetKind.DotnetProject, Path.Combine(folder.Path, "functions", "Hello"), "x86_64", nativeAot: false,
            handlers: [new AssetHandler("Function 'hello'", "functions/Hello::Hello.Handle", "Hello.Handle")]);
        var builder = new AssetBuilder(Path.Combine(folder.Path, ".stelvio", "assets"));

        var built = await builder.BuildAsync(asset, CancellationToken.None);

        ZipCheck.AssertValid(built.ZipPath);
        var extracted = folder.Sub("extracted");
        ZipFile.ExtractToDirectory(built.ZipPath, extracted);
        Assert.True(File.Exists(Path.Combine(extracted, "Hello.dll")), "the published files are in the zip");
        Assert.False(File.Exists(Path.Combine(extracted, "Hello")), "the executable is in the zip only as bootstrap");
        Assert.Empty(Directory.GetFiles(extracted, "*.pdb"));
        Assert.Equal(UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(extracted, "bootstrap")) & UnixFileMode.UserExecute);
        var info = new ProcessStartInfo(Path.Combine(extracted, "bootstrap")) { RedirectStandardOutput = true };
        info.Environment["_HANDLER"] = "Hello.Handle";
        using var process = Process.Start(info)!;
        var printed = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal("hello from Hello.Handle", printed.Trim());
    }
}
