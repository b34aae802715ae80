namespace Stelvio.LocalCloud.Iam.Requests;

/// <summary>One action on one resource a request needs (a request may need several: a batch over two tables).</summary>
/// <param name="Action">The IAM action, e.g. <c>dynamodb:PutItem</c>.</param>
/// <param name="Resource">The resource ARN, or <c>*</c> for actions without one (<c>dynamodb:ListTables</c>).</param>
/// <param name="EnclosingOperation">For an item of a transaction, the transaction (<c>dynamodb:EnclosingOperation</c>).</param>
/// <param name="LeadingKeys">The partition key values the access touches (<c>dynamodb:LeadingKeys</c>); null when the operation has none.</param>
/// <param name="LeadingKeysUnknown">The operation has partition key values but the local cloud could not tell them (a Query on an index).</param>
internal sealed record RequestedAccess(string Action, string Resource, string? EnclosingOperation = null, IReadOnlyList<string>? LeadingKeys = null, bool LeadingKeysUnknown = false)
{
    /// <summary>Compares the key values by content, so tests can compare accesses.</summary>
    public bool Equals(RequestedAccess? other) =>
        other is not null && Action == other.Action && Resource == other.Resource && EnclosingOperation == other.EnclosingOperation
        && LeadingKeysUnknown == other.LeadingKeysUnknown
        && (LeadingKeys is null ? other.LeadingKeys is null : other.LeadingKeys is not null && LeadingKeys.SequenceEqual(other.LeadingKeys));

    public override int GetHashCode() => HashCode.Combine(Action, Resource, EnclosingOperation, LeadingKeysUnknown);
}
