using Stelvio.LocalCloud.EventSources;
using Stelvio.LocalCloud.Lambda;
using Stelvio.LocalCloud.Tests.Lambda;

namespace Stelvio.LocalCloud.Tests.EventSources;

/// <summary>The mappings with the real Lambda service: a Python handler receives the records and reports a failed one.</summary>
public sealed class PythonHandlerTests
{
    private const string Handler = """
        import json, os

        def handler(event, context):
            failures = []
            with open(os.environ["OUT"], "a") as out:
                for record in event["Records"]:
                    key = record["dynamodb"]["Keys"]["id"]["S"]
                    image = record["dynamodb"].get("NewImage", {})
                    marker = os.environ["OUT"] + ".retried"
                    if "fail" in image and not os.path.exists(marker):
                        open(marker, "w").close()
                        failures.append({"itemIdentifier": record["dynamodb"]["SequenceNumber"]})
                        break
                    out.write(record["eventName"] + " " + key + "\n")
            return {"batchItemFailures": failures}
        """;

    [Fact]
    public async Task A_python_handler_gets_every_change_in_order_and_its_reported_failure_is_retried()
    {
        using var functions = new LambdaTestFunctions();
        var output = Path.Combine(Path.GetTempPath(), $"stelvio-stream-{Guid.NewGuid():N}.txt");
        var function = LambdaTestFunctions.Function(StreamFixture.FunctionName, environment: new Dictionary<string, string> { ["OUT"] = output });
        await using var lambda = LambdaTestFunctions.Service([function], new Dictionary<string, FunctionCode> { [function.CodeKey] = functions.Code(("app.py", Handler)) });
        await using var fixture = new StreamFixture();
        fixture.Put("o1");
        fixture.Put("o2", "\"fail\":{\"BOOL\":true}");
        fixture.Put("o3");
        fixture.Delete("o1");
        var mappings = new EventSourceMappings(
            fixture.Engine, [fixture.Mapping() with { ReportBatchItemFailures = true }], [function], lambda,
            new EventSourceOptions { RetryDelay = _ => TimeSpan.Zero });
        await using (mappings)
        {
            mappings.Start();
            await StreamFixture.Idle(mappings);
        }

        try
        {
            Assert.Equal(["INSERT o1", "INSERT o2", "INSERT o3", "REMOVE o1"], File.ReadAllLines(output));
            Assert.Empty(mappings.FailedBatches);
        }
        finally
        {
            File.Delete(output);
            File.Delete(output + ".retried");
        }
    }
}
