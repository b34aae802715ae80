namespace Stelvio.Aws.DynamoDB;

/// <summary>Everything a <see cref="DynamoTable"/> can be given. Only <see cref="Fields"/> and <see cref="PartitionKey"/> are required.</summary>
public sealed class DynamoTableConfig
{
    /// <summary>
    /// Attributes used as table or index keys, with their types: <c>["customer_id"] = "string"</c>,
    /// <c>FieldType.String</c> or <c>"S"</c>. Only key attributes go into the template's <c>AttributeDefinitions</c>
    /// (CloudFormation refuses others; DynamoDB is schemaless for non-key attributes). Other fields are allowed:
    /// a projected attribute or the <see cref="TimeToLiveAttribute"/> (whose type is then checked) silently,
    /// any other with a warning.
    /// </summary>
    public Dictionary<string, Field> Fields { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The table's partition (hash) key: a declared field.</summary>
    public required string PartitionKey { get; init; }

    /// <summary>The table's sort (range) key, a declared field. Default: none.</summary>
    public string? SortKey { get; init; }

    /// <summary>Local secondary indexes by name; need <see cref="SortKey"/>. Default: none.</summary>
    public Dictionary<string, LocalIndex> LocalIndexes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Global secondary indexes by name. Default: none.</summary>
    public Dictionary<string, GlobalIndex> GlobalIndexes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The stream's view type, or null for no stream (the default).</summary>
    public StreamSetting? Stream { get; init; }

    /// <summary>Default: <see cref="BillingMode.PayPerRequest"/>.</summary>
    public BillingMode Billing { get; init; } = BillingMode.PayPerRequest;

    /// <summary>Read capacity units; required with <see cref="BillingMode.Provisioned"/>, refused otherwise.</summary>
    public int? ReadCapacity { get; init; }

    /// <summary>Write capacity units; required with <see cref="BillingMode.Provisioned"/>, refused otherwise.</summary>
    public int? WriteCapacity { get; init; }

    /// <summary>The attribute holding each item's expiry time (epoch seconds). Default: no TTL.</summary>
    public string? TimeToLiveAttribute { get; init; }

    /// <summary>Continuous backups with point-in-time recovery. Default: off.</summary>
    public bool PointInTimeRecovery { get; init; }

    /// <summary>Refuse table deletion until turned off. Default: off.</summary>
    public bool DeletionProtection { get; init; }

    /// <summary>
    /// What happens to the table when it leaves the stack. Default: <see cref="RemovalPolicy.Retain"/> on the
    /// app's protected stages (<see cref="StelvioApp.ProtectedStages"/>), <see cref="RemovalPolicy.Delete"/> elsewhere.
    /// </summary>
    public RemovalPolicy? RemovalPolicy { get; init; }

    /// <summary>
    /// Tags for this table, added to the app's and to <c>stelvio:app</c> and <c>stelvio:stage</c>; a key the app
    /// also tags takes this value. Default: none.
    /// </summary>
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Escape hatch: raw CloudFormation properties of the <c>AWS::DynamoDB::Table</c> resource, by dotted path,
    /// written over Stelvio's after synthesis (<c>["SSESpecification.SSEEnabled"] = true</c>); a number segment
    /// indexes an array (<c>"GlobalSecondaryIndexes.0.ContributorInsightsSpecification.Enabled"</c>) and a null value
    /// removes the property. Applied in order, before <see cref="DynamoTable.AddPropertyOverride"/>. Default: none.
    /// </summary>
    public Dictionary<string, object?> PropertyOverrides { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A copy with its own dictionaries: what a table checks and keeps, so that changing this object later changes nothing.</summary>
    internal DynamoTableConfig Copy() => new()
    {
        Fields = Copy(Fields),
        PartitionKey = PartitionKey,
        SortKey = SortKey,
        LocalIndexes = Copy(LocalIndexes),
        GlobalIndexes = Copy(GlobalIndexes),
        Stream = Stream,
        Billing = Billing,
        ReadCapacity = ReadCapacity,
        WriteCapacity = WriteCapacity,
        TimeToLiveAttribute = TimeToLiveAttribute,
        PointInTimeRecovery = PointInTimeRecovery,
        DeletionProtection = DeletionProtection,
        RemovalPolicy = RemovalPolicy,
        Tags = Copy(Tags),
        PropertyOverrides = Copy(PropertyOverrides),
    };

    private static Dictionary<string, T> Copy<T>(Dictionary<string, T> source) => source is null ? null! : new(source, source.Comparer);
}
