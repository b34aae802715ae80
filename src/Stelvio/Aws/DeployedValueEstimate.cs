using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.CloudFormation;

namespace Stelvio.Aws;

/// <summary>
/// What deferred values will look like once deployed, close enough to count their characters for AWS's size
/// quotas (a role's inline policies, a function's environment): names are the components' physical names, ARNs
/// are built from them in partition <c>aws</c>, region <c>us-east-1</c>, with a 12-digit account.
/// </summary>
internal sealed class DeployedValueEstimate(StelvioApp app) : IDeferredResolver
{
    private const string Region = "us-east-1";
    private const string Account = "123456789012";

    public string ResolveRef(string logicalId) => logicalId switch
    {
        "AWS::Partition" => "aws",
        "AWS::Region" => Region,
        "AWS::AccountId" => Account,
        "AWS::URLSuffix" => "amazonaws.com",
        _ => Find(logicalId) switch
        {
            DynamoTable table => table.PhysicalName,
            Function function => function.PhysicalName,
            _ => logicalId,
        },
    };

    public string ResolveAttribute(string logicalId, string attribute) => (Find(logicalId), attribute) switch
    {
        (DynamoTable table, "Arn") => TableArn(table),
        (DynamoTable table, "StreamArn") => TableArn(table) + "/stream/2026-01-01T00:00:00.000",
        (Function function, "Arn") => $"arn:aws:lambda:{Region}:{Account}:function:{function.PhysicalName}",
        _ => $"arn:aws:{logicalId.ToLowerInvariant()}:{Region}:{Account}:{attribute}",
    };

    private static string TableArn(DynamoTable table) => $"arn:aws:dynamodb:{Region}:{Account}:table/{table.PhysicalName}";

    private Component? Find(string logicalId) => app.Components.FirstOrDefault(c => c switch
    {
        DynamoTable table => table.LogicalId == logicalId,
        Function function => function.LogicalId == logicalId,
        _ => false,
    });
}
