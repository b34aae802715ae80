namespace Stelvio.LocalCloud.Gateway;

/// <summary>A call a function made that its role's policies refused.</summary>
/// <param name="At">When.</param>
/// <param name="FunctionName">The calling function.</param>
/// <param name="Action">The IAM action refused, e.g. <c>dynamodb:PutItem</c>.</param>
/// <param name="Resource">The resource ARN it was refused on.</param>
/// <param name="Message">The <c>AccessDeniedException</c> message the function received.</param>
internal sealed record DeniedCall(DateTimeOffset At, string FunctionName, string Action, string Resource, string Message);
