namespace Stelvio.LocalCloud.Iam.Signing;

/// <summary>What signature verification found: not a function's credentials (allowed, unchecked), a verified function, or a refusal.</summary>
internal sealed record SignatureOutcome(FunctionIdentity? Function, AuthError? Error)
{
    /// <summary>Signed with other credentials (the developer's tools, tests) or not signed: allowed without verification.</summary>
    public static readonly SignatureOutcome NotAFunction = new(null, null);
}
