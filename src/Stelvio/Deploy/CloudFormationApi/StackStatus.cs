namespace Stelvio.Deploy.CloudFormationApi;

/// <summary>What CloudFormation's stack statuses mean for a deploy.</summary>
internal static class StackStatus
{
    /// <summary>Whether the stack is still changing (any <c>*_IN_PROGRESS</c> but <c>REVIEW_IN_PROGRESS</c>).</summary>
    public static bool IsInProgress(string status) =>
        status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal) && status != "REVIEW_IN_PROGRESS";

    /// <summary>Whether an operation ended as asked: <c>CREATE_COMPLETE</c>, <c>UPDATE_COMPLETE</c>, <c>DELETE_COMPLETE</c>, <c>IMPORT_COMPLETE</c>.</summary>
    public static bool IsSuccess(string status) =>
        status is "CREATE_COMPLETE" or "UPDATE_COMPLETE" or "DELETE_COMPLETE" or "IMPORT_COMPLETE";

    /// <summary>Whether a resource event reports a failure (<c>CREATE_FAILED</c>, <c>UPDATE_FAILED</c>, ...).</summary>
    public static bool IsFailure(string status) => status.EndsWith("_FAILED", StringComparison.Ordinal);

    /// <summary>Whether CloudFormation rolled the stack back.</summary>
    public static bool IsRolledBack(string status) => status.Contains("ROLLBACK", StringComparison.Ordinal);
}
