namespace Stelvio.LocalCloud.Iam.Policies;

/// <summary>A statement's <c>Effect</c>.</summary>
internal enum PolicyEffect
{
    Allow,
    Deny,
}
