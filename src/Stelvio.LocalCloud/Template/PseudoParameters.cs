using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>The values of CloudFormation's pseudo parameters in the local cloud.</summary>
/// <param name="Region"><c>AWS::Region</c>.</param>
/// <param name="AccountId"><c>AWS::AccountId</c>: <see cref="LocalAccount.Id"/>.</param>
/// <param name="StackName"><c>AWS::StackName</c>.</param>
internal sealed record PseudoParameters(string Region, string AccountId, string StackName)
{
    /// <summary><c>AWS::StackId</c>, stable for the stack name.</summary>
    public string StackId => PhysicalNames.StackId(Region, AccountId, StackName);

    /// <summary>The pseudo parameter's value, or null when <paramref name="name"/> is none (<c>AWS::NoValue</c> is the resolver's).</summary>
    public JsonNode? Value(string name) => name switch
    {
        "AWS::Region" => Region,
        "AWS::AccountId" => AccountId,
        "AWS::Partition" => "aws",
        "AWS::StackName" => StackName,
        "AWS::StackId" => StackId,
        "AWS::URLSuffix" => "amazonaws.com",
        "AWS::NotificationARNs" => new JsonArray(),
        _ => null,
    };
}
