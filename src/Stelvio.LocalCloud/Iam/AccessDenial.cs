namespace Stelvio.LocalCloud.Iam;

/// <summary>A call a function's policies do not allow: the first action and resource refused and AWS's message for it.</summary>
/// <param name="Action">The IAM action, e.g. <c>dynamodb:PutItem</c>.</param>
/// <param name="Resource">The resource ARN (or <c>*</c>).</param>
/// <param name="Message">AWS's <c>AccessDeniedException</c> message.</param>
internal sealed record AccessDenial(string Action, string Resource, string Message)
{
    /// <summary>
    /// AWS's message: "User: {session} is not authorized to perform: {action} on resource: {resource} because no
    /// identity-based policy allows the {action} action", or "… with an explicit deny in an identity-based policy".
    /// </summary>
    public static AccessDenial Create(string sessionArn, string action, string resource, bool explicitDeny) => new(
        action,
        resource,
        $"User: {sessionArn} is not authorized to perform: {action} on resource: {resource} "
        + (explicitDeny ? "with an explicit deny in an identity-based policy" : $"because no identity-based policy allows the {action} action"));
}
