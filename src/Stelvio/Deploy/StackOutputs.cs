using System.Text.Json.Nodes;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Stelvio.Deploy.Aws;
using Stelvio.Deploy.CloudFormationApi;

namespace Stelvio.Deploy;

/// <summary>
/// What <c>outputs</c> and the end of <c>deploy</c> list: each table's name, ARN and stream ARN
/// (<c>{LogicalId}Name</c>, <c>…Arn</c>, <c>…StreamArn</c>) and each function's name (<c>{LogicalId}Name</c>), plus any
/// outputs the stack declares. The template declares no output per resource, so an app is not held to
/// CloudFormation's 200-output quota long before its 500 resources: names are the resources' physical IDs
/// (<c>ListStackResources</c>, every page), table ARNs are built from the name in the stack's partition, region and
/// account, and stream ARNs, whose label is a creation time that cannot be derived, come from DynamoDB's
/// <c>DescribeTable</c> (<c>LatestStreamArn</c>) for the tables whose deployed template has a stream.
/// </summary>
internal static class StackOutputs
{
    private const string TableType = "AWS::DynamoDB::Table";
    private const string FunctionType = "AWS::Lambda::Function";
    private const int ConcurrentDescribes = 8;

    public static async Task<IReadOnlyList<StackOutput>> ReadAsync(DeployTarget target, Stack stack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(stack);
        var outputs = stack.Outputs.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var resources = await target.CloudFormation.ListStackResourcesAsync(stack.StackId, cancellationToken);
        var streamed = StreamedTables(await target.CloudFormation.GetTemplateAsync(stack.StackId, cancellationToken));
        var (partition, region, account) = StackArnParts(stack.StackId);
        var streamTables = new List<(string LogicalId, string Name)>();
        foreach (var resource in resources.Where(r => r.PhysicalResourceId is { Length: > 0 } && !r.Status.StartsWith("DELETE", StringComparison.Ordinal)))
        {
            var name = resource.PhysicalResourceId!;
            switch (resource.ResourceType)
            {
                case TableType:
                    Add(outputs, resource.LogicalResourceId + "Name", name, "Name of the table");
                    Add(outputs, resource.LogicalResourceId + "Arn", $"arn:{partition}:dynamodb:{region}:{account}:table/{name}", "ARN of the table");
                    if (streamed.Contains(resource.LogicalResourceId))
                    {
                        streamTables.Add((resource.LogicalResourceId, name));
                    }

                    break;
                case FunctionType:
                    Add(outputs, resource.LogicalResourceId + "Name", name, "Name of the function");
                    break;
            }
        }

        if (streamTables.Count > 0)
        {
            var streams = await StreamArnsAsync(target.Session, streamTables.Select(t => t.Name).ToList(), cancellationToken);
            foreach (var (logicalId, name) in streamTables)
            {
                if (streams.TryGetValue(name, out var streamArn) && streamArn is not null)
                {
                    Add(outputs, logicalId + "StreamArn", streamArn, "Stream ARN of the table");
                }
            }
        }

        return outputs.Values.OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The logical IDs of the tables whose template gives them a stream.</summary>
    internal static HashSet<string> StreamedTables(string? templateBody)
    {
        var streamed = new HashSet<string>(StringComparer.Ordinal);
        if (templateBody is null || JsonNode.Parse(templateBody)?["Resources"] is not JsonObject resources)
        {
            return streamed;
        }

        foreach (var (logicalId, resource) in resources)
        {
            if (resource?["Type"]?.GetValue<string>() == TableType && resource["Properties"]?["StreamSpecification"] is JsonObject)
            {
                streamed.Add(logicalId);
            }
        }

        return streamed;
    }

    /// <summary>The partition, region and account of a stack, from its ID (<c>arn:aws:cloudformation:us-east-1:123456789012:stack/name/id</c>).</summary>
    internal static (string Partition, string Region, string Account) StackArnParts(string stackId)
    {
        var parts = stackId.Split(':');
        if (parts.Length < 6 || parts[0] != "arn")
        {
            throw new DeployException($"CloudFormation gave the stack ID '{stackId}', which is not an ARN; cannot build the tables' ARNs from it.");
        }

        return (parts[1], parts[3], parts[4]);
    }

    private static void Add(Dictionary<string, StackOutput> outputs, string key, string value, string description) =>
        outputs[key] = new StackOutput(key, value, description, null);

    private static async Task<Dictionary<string, string?>> StreamArnsAsync(AwsSession session, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var endpoint = session.Endpoints.DynamoDb;
        var config = new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(session.Region) };
        if (endpoint.IsCustom)
        {
            config.ServiceURL = endpoint.Url.ToString();
            config.AuthenticationRegion = session.Region;
        }

        using var client = new AmazonDynamoDBClient(session.SdkCredentials, config);
        var arns = new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(tables, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentDescribes, CancellationToken = cancellationToken }, async (table, token) =>
        {
            try
            {
                var described = await client.DescribeTableAsync(new DescribeTableRequest { TableName = table }, token);
                arns[table] = described.Table.LatestStreamArn;
            }
            catch (AmazonDynamoDBException exception)
            {
                throw new DeployException($"dynamodb:DescribeTable of '{table}' failed ({exception.ErrorCode}): {exception.Message} It gives the table's stream ARN; use an identity allowed dynamodb:DescribeTable.", exception);
            }
        });
        return new Dictionary<string, string?>(arns, StringComparer.Ordinal);
    }
}
