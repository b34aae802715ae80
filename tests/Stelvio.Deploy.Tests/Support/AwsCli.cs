using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Stelvio.Deploy.Tests.Support;

/// <summary>The AWS CLI pointed at the emulator, for services without a .NET SDK package here (Lambda, IAM).</summary>
public sealed class AwsCli(string endpoint)
{
    public async Task<JsonNode> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"aws {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        var text = await output;
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
    }
}
