using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.AspNetCore.Http;
using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.Gateway;
using Stelvio.LocalCloud.Iam;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.Gateway;

/// <summary>One engine, app and gateway shared by the gateway tests; Lambda's Invoke answers with the function name it was given.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private LocalGateway? _gateway;

    internal DynamoEngine Engine { get; } = new(new LocalDynamoOptions());

    internal LocalApp App { get; private set; } = null!;

    internal IamEnforcer Iam { get; private set; } = null!;

    internal ConcurrentQueue<DeniedCall> Denied { get; } = new();

    internal Uri Endpoint => _gateway!.Endpoint;

    public async Task InitializeAsync()
    {
        App = IamTestApp.Create(Engine);
        Iam = new IamEnforcer(App);
        _gateway = await LocalGateway.StartAsync(
            new GatewayOptions
            {
                Engine = Engine,
                Iam = Iam,
                OnDenied = Denied.Enqueue,
                InvokeApi = async (context, functionName) =>
                {
                    using var reader = new StreamReader(context.Request.BodyReader.AsStream());
                    var payload = await reader.ReadToEndAsync();
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync($$"""{"invoked":"{{functionName}}","payload":{{payload}}}""");
                },
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
        Engine.Dispose();
    }

    internal LocalFunction Function(string name) => App.Functions.Single(f => f.Name == name);

    internal FunctionCredentials Credentials(string function) => Iam.CredentialsFor(Function(function));

    internal AmazonDynamoDBClient ClientFor(string function) => Client(Credentials(function) is var c ? new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken) : null!);

    internal AmazonDynamoDBClient Client(AWSCredentials credentials) => new(credentials, new AmazonDynamoDBConfig
    {
        ServiceURL = Endpoint.ToString(),
        AuthenticationRegion = IamTestApp.Region,
        MaxErrorRetry = 0,
    });
}
