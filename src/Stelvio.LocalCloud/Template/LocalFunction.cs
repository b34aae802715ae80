namespace Stelvio.LocalCloud.Template;

/// <summary>A function of the template, with its environment resolved to local values.</summary>
/// <param name="LogicalId">The template's logical ID.</param>
/// <param name="Name">The function name (<c>FunctionName</c>, or the name CloudFormation would generate).</param>
/// <param name="Arn">The function ARN.</param>
/// <param name="Runtime"><c>provided.al2023</c>, <c>python3.12</c>, …</param>
/// <param name="Handler">The handler string, as Lambda passes it in <c>_HANDLER</c>.</param>
/// <param name="MemorySize">MB; passed on to the process, not enforced.</param>
/// <param name="Timeout">Enforced per invocation.</param>
/// <param name="Architecture"><c>x86_64</c> or <c>arm64</c>, as declared (local builds are for the host).</param>
/// <param name="Environment">The function's own variables (<c>Environment.Variables</c>), resolved.</param>
/// <param name="RoleArn">The execution role's ARN.</param>
/// <param name="CodeKey">The code's S3 key (<c>Code.S3Key</c>): what the local code directory is looked up by.</param>
/// <param name="ReservedConcurrency"><c>ReservedConcurrentExecutions</c>, when set.</param>
internal sealed record LocalFunction(
    string LogicalId,
    string Name,
    string Arn,
    string Runtime,
    string Handler,
    int MemorySize,
    TimeSpan Timeout,
    string Architecture,
    IReadOnlyDictionary<string, string> Environment,
    string RoleArn,
    string CodeKey,
    int? ReservedConcurrency);
