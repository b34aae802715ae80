using Stelvio.LocalCloud.Iam.Policies;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Iam;

/// <summary>Who a function's credentials identify: the function, its role's session and the statements its role grants.</summary>
/// <param name="Function">The function.</param>
/// <param name="Credentials">Its credentials.</param>
/// <param name="RoleName">The role's name (the <c>assumed-role</c> part of the principal).</param>
/// <param name="Statements">Every statement of the role's policies; null when the role is not in the template (not evaluated).</param>
internal sealed record FunctionIdentity(LocalFunction Function, FunctionCredentials Credentials, string RoleName, IReadOnlyList<PolicyStatement>? Statements)
{
    /// <summary>The principal Lambda's role session shows in AWS's messages: <c>arn:aws:sts::{account}:assumed-role/{role}/{function}</c>.</summary>
    public string SessionArn(string accountId) => $"arn:aws:sts::{accountId}:assumed-role/{RoleName}/{Function.Name}";
}
