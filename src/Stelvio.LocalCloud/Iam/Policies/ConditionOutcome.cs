namespace Stelvio.LocalCloud.Iam.Policies;

/// <summary>What a condition clause comes to for one request.</summary>
internal enum ConditionOutcome
{
    False,
    True,

    /// <summary>The local cloud cannot evaluate it (an operator or key it does not know).</summary>
    Unknown,
}
