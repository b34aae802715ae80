using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation;

/// <summary>A CloudFormation template under construction: resources and outputs in declaration order.</summary>
internal sealed class CfnTemplate
{
    private readonly Dictionary<string, CfnResource> resources = new(StringComparer.Ordinal);
    private readonly List<CfnResource> order = [];
    private readonly Dictionary<string, CfnOutput> outputs = new(StringComparer.Ordinal);
    private readonly List<CfnOutput> outputOrder = [];

    public string? Description { get; set; }

    public IReadOnlyList<CfnResource> Resources => order;

    public IReadOnlyList<CfnOutput> Outputs => outputOrder;

    public CfnResource? Find(string logicalId) => resources.GetValueOrDefault(logicalId);

    public CfnResource Add(CfnResource resource)
    {
        if (!resources.TryAdd(resource.LogicalId, resource))
        {
            var existing = resources[resource.LogicalId];
            throw new StelvioConfigException(
                resource.Component ?? resource.LogicalId,
                null,
                $"declares the CloudFormation logical ID '{resource.LogicalId}', which {existing.Component ?? "another resource"} already uses. Rename one of the two components.");
        }

        order.Add(resource);
        return resource;
    }

    public void AddOutput(string logicalId, JsonNode value, string description)
    {
        var output = new CfnOutput(logicalId, value, description);
        if (!outputs.TryAdd(logicalId, output))
        {
            throw new StelvioConfigException("Stack", $"Outputs.{logicalId}", $"the output logical ID '{logicalId}' is declared twice ({outputs[logicalId].Description}; {description}). Rename one of the components.");
        }

        outputOrder.Add(output);
    }
}
