namespace Stelvio.LocalCloud.Iam.Requests;

/// <summary>One action on one resource a request needs (a request may need several: a batch over two tables).</summary>
/// <param name="Action">The IAM action, e.g. <c>dynamodb:PutItem</c>.</param>
/// <param name="Resource">The resource ARN, or <c>*</c> for actions without one (<c>dynamodb:ListTables</c>).</param>
/// <param name="EnclosingOperation">For an item of a transaction, the transaction (<c>dynamodb:EnclosingOperation</c>).</param>
internal sealed record RequestedAccess(string Action, string Resource, string? EnclosingOperation = null);
