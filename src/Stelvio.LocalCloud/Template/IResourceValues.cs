using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>What <c>Ref</c> and <c>Fn::GetAtt</c> give for the template's resources in the local cloud.</summary>
internal interface IResourceValues
{
    /// <summary>The value of <c>{"Ref": logicalId}</c>, used at <paramref name="usedBy"/>'s <paramref name="path"/> (for errors).</summary>
    JsonNode Ref(string logicalId, string usedBy, string path);

    /// <summary>The value of <c>{"Fn::GetAtt": [logicalId, attribute]}</c>.</summary>
    JsonNode GetAtt(string logicalId, string attribute, string usedBy, string path);
}
