namespace Stelvio.Aws.DynamoDB;

/// <summary>How a table is billed.</summary>
public enum BillingMode
{
    /// <summary>On demand: pay per request, no capacity to plan (the default).</summary>
    PayPerRequest,

    /// <summary>Provisioned read and write capacity units.</summary>
    Provisioned,
}
