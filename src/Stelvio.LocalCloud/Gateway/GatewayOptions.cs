using Microsoft.AspNetCore.Http;
using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.Iam;

namespace Stelvio.LocalCloud.Gateway;

/// <summary>What <see cref="LocalGateway"/> serves and how.</summary>
internal sealed class GatewayOptions
{
    /// <summary>The engine DynamoDB and DynamoDB Streams calls go to.</summary>
    public required DynamoEngine Engine { get; init; }

    /// <summary>Identifies function credentials and evaluates their policies.</summary>
    public required IamEnforcer Iam { get; init; }

    /// <summary>The loopback port; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Lambda's Invoke REST API (<c>LambdaService.HandleInvokeApiAsync</c>), called with the context and the
    /// <c>FunctionName</c> of the path once the call is authorized. The request body is readable again from the start.
    /// Null: Invoke calls are answered with <c>UnknownOperationException</c>.
    /// </summary>
    public Func<HttpContext, string, Task>? InvokeApi { get; init; }

    /// <summary>Told of every call refused by a function's policies.</summary>
    public Action<DeniedCall>? OnDenied { get; init; }
}
