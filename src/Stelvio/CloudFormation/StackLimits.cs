using System.Globalization;

namespace Stelvio.CloudFormation;

/// <summary>
/// CloudFormation's quotas for one stack, checked before a template is written so that a deploy is
/// never refused for them. See "CloudFormation quotas" in the AWS CloudFormation User Guide.
/// </summary>
internal static class StackLimits
{
    /// <summary>Resources in one stack.</summary>
    public const int MaxResources = 500;

    /// <summary>Outputs in one stack.</summary>
    public const int MaxOutputs = 200;

    /// <summary>Bytes of a template uploaded to S3 and passed as <c>TemplateURL</c>.</summary>
    public const int MaxTemplateBytes = 1_000_000;

    /// <summary>Bytes of a template passed inline as <c>TemplateBody</c>; larger ones go through S3.</summary>
    public const int MaxTemplateBodyBytes = 51_200;

    /// <summary>Throws a <see cref="StelvioConfigException"/> naming every quota the template exceeds.</summary>
    public static void Check(string stack, CfnTemplate template, int templateBytes)
    {
        var errors = new List<ConfigError>();
        if (template.Resources.Count > MaxResources)
        {
            errors.Add(new ConfigError($"Stack '{stack}'", null, $"has {template.Resources.Count} resources; CloudFormation allows at most {MaxResources} in one stack. Split the app into several apps (stacks) or remove components."));
        }

        if (template.Outputs.Count > MaxOutputs)
        {
            errors.Add(new ConfigError($"Stack '{stack}'", null, $"has {template.Outputs.Count} outputs; CloudFormation allows at most {MaxOutputs} in one stack. Split the app into several apps (stacks) or remove components."));
        }

        if (templateBytes > MaxTemplateBytes)
        {
            errors.Add(new ConfigError($"Stack '{stack}'", null, string.Create(CultureInfo.InvariantCulture, $"has a template of {templateBytes:N0} bytes; CloudFormation accepts at most {MaxTemplateBytes:N0} bytes. Split the app into several apps (stacks).")));
        }

        if (errors.Count > 0)
        {
            throw new StelvioConfigException(errors);
        }
    }
}
