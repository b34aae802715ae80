using Stelvio.Links;

namespace Stelvio.Aws.Lambda;

/// <summary>Something that invokes a function and is declared with it, such as a stream subscription.</summary>
internal interface IFunctionTrigger
{
    /// <summary>What the function's role needs so that the trigger can invoke it; first in its policy.</summary>
    IReadOnlyList<AwsPermission> Permissions { get; }

    /// <summary>Adds the trigger's resources, after the function's; <paramref name="policyLogicalId"/> is the function's policy, if it has one.</summary>
    void Synthesize(SynthContext context, Function function, string? policyLogicalId);
}
