namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>Which attributes an index holds besides the keys.</summary>
internal enum ProjectionType
{
    ALL,
    KEYS_ONLY,
    INCLUDE,
}

/// <summary>A local or global secondary index as declared.</summary>
internal sealed record IndexDefinition(
    string Name,
    KeyDefinition Key,
    ProjectionType Projection,
    IReadOnlyList<string>? NonKeyAttributes,
    bool IsGlobal,
    string Arn,
    ProvisionedThroughput? Throughput = null,
    string Status = "ACTIVE",
    bool Backfilling = false);

/// <summary>Read and write capacity of a provisioned table or GSI, with the bookkeeping DescribeTable shows.</summary>
internal sealed record ProvisionedThroughput(
    long ReadCapacityUnits,
    long WriteCapacityUnits,
    DateTimeOffset? LastIncreaseDateTime = null,
    DateTimeOffset? LastDecreaseDateTime = null,
    long NumberOfDecreasesToday = 0);
