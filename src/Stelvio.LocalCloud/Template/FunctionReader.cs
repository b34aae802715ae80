using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>
/// Reads an <c>AWS::Lambda::Function</c>: runtime, handler, memory (default 128 MB), timeout (default 3 s),
/// architecture (default x86_64), environment variables resolved to strings, role ARN, code key, reserved
/// concurrency. Code that is not an S3 asset (inline <c>ZipFile</c>, a container image) leaves the function out.
/// </summary>
internal static class FunctionReader
{
    private static readonly HashSet<string> Honoured = new(StringComparer.Ordinal)
    {
        "FunctionName", "Description", "Runtime", "Handler", "Code", "Role", "MemorySize", "Timeout", "Architectures",
        "Environment", "ReservedConcurrentExecutions", "Tags", "PackageType",
    };

    private static readonly Dictionary<string, string> Why = new(StringComparer.Ordinal)
    {
        ["VpcConfig"] = "the function runs on this machine's network",
        ["Layers"] = "layers are not downloaded; the function runs with its own code only",
        ["DeadLetterConfig"] = "failed asynchronous invocations are not sent anywhere",
        ["TracingConfig"] = "no X-Ray tracing locally",
        ["EphemeralStorage"] = "/tmp is this machine's temporary folder",
        ["FileSystemConfigs"] = "no EFS mounts locally",
        ["SnapStart"] = "functions start from scratch locally",
        ["KmsKeyArn"] = "environment variables are not encrypted locally",
        ["ImageConfig"] = "container images are not run locally",
        ["LoggingConfig"] = "logs are printed, not sent to CloudWatch",
        ["CodeSigningConfigArn"] = "code signatures are not checked locally",
        ["RuntimeManagementConfig"] = "the local runtime is used",
        ["RecursiveLoop"] = "recursive loops are not detected locally",
    };

    /// <summary>The function, or null when it cannot run locally (noted in <paramref name="notes"/>).</summary>
    public static LocalFunction? Read(TemplateResource resource, string name, IntrinsicResolver resolver, NotRunLocally notes)
    {
        var id = resource.LogicalId;
        var properties = resolver.ResolveProperties(resource);
        foreach (var (property, _) in properties)
        {
            if (!Honoured.Contains(property))
            {
                notes.Property(id, property, Why.GetValueOrDefault(property));
            }
        }

        var code = properties["Code"] as JsonObject
            ?? throw new LocalTemplateException(id, "Properties.Code", "is required: the function's code (S3Bucket and S3Key of its zip).");
        if (TemplateValues.Text(properties["PackageType"]) == "Image" || code["ImageUri"] is not null)
        {
            notes.Add($"{id} (AWS::Lambda::Function): container image functions (Code.ImageUri) are not run locally; the function is left out.");
            return null;
        }

        if (code["ZipFile"] is not null)
        {
            notes.Add($"{id} (AWS::Lambda::Function): inline code (Code.ZipFile) is not run locally; the function is left out.");
            return null;
        }

        var codeKey = TemplateValues.Text(code["S3Key"])
            ?? throw new LocalTemplateException(id, "Properties.Code.S3Key", "is required: the key of the code zip (what the local cloud finds the function's local build by).");
        if (code["S3ObjectVersion"] is not null)
        {
            notes.Property(id, "Code.S3ObjectVersion", "the local build of the code is run");
        }

        var runtime = TemplateValues.Required(properties, "Runtime", id, "the runtime, for example provided.al2023 or python3.12");
        var handler = TemplateValues.Required(properties, "Handler", id, "what the runtime calls, for example OrderHandlers.ProcessChanges");
        var role = TemplateValues.Required(properties, "Role", id, "the execution role's ARN");
        var architectures = properties["Architectures"] as JsonArray;
        var architecture = architectures is { Count: > 0 } ? TemplateValues.Text(architectures[0]) ?? "x86_64" : "x86_64";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (properties["Environment"]?["Variables"] is JsonObject variables)
        {
            foreach (var (key, value) in variables)
            {
                environment[key] = TemplateValues.Scalar(value, id, "Properties.Environment.Variables." + key);
            }
        }

        return new LocalFunction(
            id,
            name,
            LocalArns.Function(resolver.Pseudo.Region, resolver.Pseudo.AccountId, name),
            runtime,
            handler,
            TemplateValues.Number(properties["MemorySize"], id, "MemorySize") ?? 128,
            TimeSpan.FromSeconds(TemplateValues.Number(properties["Timeout"], id, "Timeout") ?? 3),
            architecture,
            environment,
            role,
            codeKey,
            TemplateValues.Number(properties["ReservedConcurrentExecutions"], id, "ReservedConcurrentExecutions"));
    }
}
