namespace Stelvio.Testing;

/// <summary>A call a function made that its policies refused (it got <c>AccessDeniedException</c>).</summary>
/// <param name="Function">The calling function.</param>
/// <param name="Action">The IAM action, e.g. <c>dynamodb:PutItem</c>.</param>
/// <param name="Resource">The resource ARN.</param>
/// <param name="Message">The message the function received.</param>
/// <param name="At">When.</param>
public sealed record LocalDeniedCall(string Function, string Action, string Resource, string Message, DateTimeOffset At);
