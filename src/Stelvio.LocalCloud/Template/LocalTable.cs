namespace Stelvio.LocalCloud.Template;

/// <summary>A table of the template, created in the local engine under its physical name.</summary>
/// <param name="LogicalId">The template's logical ID.</param>
/// <param name="TableName">The physical name, as in AWS.</param>
/// <param name="Arn">The table ARN.</param>
/// <param name="StreamArn">The latest stream ARN, when the table has a stream.</param>
internal sealed record LocalTable(string LogicalId, string TableName, string Arn, string? StreamArn);
