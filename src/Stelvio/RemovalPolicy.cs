namespace Stelvio;

/// <summary>What happens to a stateful resource when it leaves the stack or the stack is destroyed.</summary>
public enum RemovalPolicy
{
    /// <summary>Delete it with the stack.</summary>
    Delete,

    /// <summary>Keep it in the account (CloudFormation's <c>Retain</c>).</summary>
    Retain,

    /// <summary>Keep it only if its creation failed (CloudFormation's <c>RetainExceptOnCreate</c>).</summary>
    RetainExceptOnCreate,

    /// <summary>Take a backup, then delete it (CloudFormation's <c>Snapshot</c>).</summary>
    Snapshot,
}
