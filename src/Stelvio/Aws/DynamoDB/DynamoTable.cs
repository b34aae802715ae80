using Stelvio.CloudFormation;
using Stelvio.CloudFormation.Resources;
using Stelvio.Naming;

namespace Stelvio.Aws.DynamoDB;

/// <summary>
/// A DynamoDB table: keys, local and global indexes, an optional stream, billing and protection.
/// Its physical name is <c>{app}-{stage}-{name}</c>.
/// </summary>
/// <example>
/// <code>
/// var orders = new DynamoTable("orders", new()
/// {
///     Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
///     PartitionKey = "customer_id",
///     SortKey = "order_date",
///     LocalIndexes = { ["status-index"] = new LocalIndex("status") },
///     GlobalIndexes = { ["status-total-index"] = new GlobalIndex("status", "total") { Projections = "all" } },
///     Stream = "new-and-old-images",
/// });
/// </code>
/// </example>
public sealed partial class DynamoTable : Component
{
    private readonly PropertyOverrides overrides = new();

    /// <summary>Declares a table named <paramref name="name"/> in the app being declared; the configuration is checked at once.</summary>
    /// <exception cref="StelvioConfigException">The configuration breaks a DynamoDB rule; every problem is listed.</exception>
    public DynamoTable(string name, DynamoTableConfig config)
        : this(name, Check(name, config))
    {
    }

    // The schema is parsed before the base constructor registers the table, so a table that fails its checks never joins the app.
    private DynamoTable(string name, (DynamoTableConfig Config, TableSchema Schema) declared)
        : base("DynamoTable", name)
    {
        var config = declared.Config;
        Declared = config;
        Schema = declared.Schema;
        foreach (var (path, value) in config.PropertyOverrides ?? [])
        {
            if (value is null)
            {
                overrides.Remove(path, Display, $"PropertyOverrides[\"{path}\"]");
            }
            else
            {
                overrides.Set(path, value, Display, $"PropertyOverrides[\"{path}\"]");
            }
        }

        PhysicalName = App.PhysicalName(name, NameRules.TableNameMax);
        LogicalId = LogicalIdPrefix + "Table";
        Name = Deferred.Ref(LogicalId).Of(Display, "Name");
        Arn = Deferred.GetAtt(LogicalId, "Arn").Of(Display, "Arn");
        StreamArn = Schema.Stream is null ? null : Deferred.GetAtt(LogicalId, "StreamArn").Of(Display, "StreamArn");
    }

    /// <summary>A copy of the configuration the table was declared with, as it was checked; changing it changes nothing.</summary>
    public DynamoTableConfig Config => Declared.Copy();

    /// <summary>The table's own copy of its configuration, taken and checked at declaration: later changes to the caller's object do not reach it.</summary>
    internal DynamoTableConfig Declared { get; }

    /// <summary>The table's name in AWS: <c>{app}-{stage}-{name}</c>, shortened with a hash past 255 characters.</summary>
    public string PhysicalName { get; }

    /// <summary>The logical ID of the table in the template.</summary>
    public string LogicalId { get; }

    /// <summary>The deployed table's name (<c>Ref</c>).</summary>
    public Deferred<string> Name { get; }

    /// <summary>The deployed table's ARN (<c>Fn::GetAtt Arn</c>).</summary>
    public Deferred<string> Arn { get; }

    /// <summary>The stream's ARN (<c>Fn::GetAtt StreamArn</c>), or null when the table has no stream.</summary>
    public Deferred<string>? StreamArn { get; }

    /// <summary>The stream view type, or null when the table has no stream.</summary>
    public StreamView? Stream => Schema.Stream;

    /// <summary>The removal policy in force: the configured one, or the stage's default.</summary>
    public RemovalPolicy RemovalPolicy => Declared.RemovalPolicy ?? (App.IsProtectedStage ? RemovalPolicy.Retain : RemovalPolicy.Delete);

    internal TableSchema Schema { get; }

    /// <summary>
    /// Escape hatch: sets a raw CloudFormation property of the table resource, overriding Stelvio's,
    /// by dotted path (<c>"SSESpecification.SSEEnabled"</c>; a number segment indexes an array). Applied after
    /// <see cref="DynamoTableConfig.PropertyOverrides"/>. Returns the table for chaining.
    /// </summary>
    /// <example><c>orders.AddPropertyOverride("TableClass", "STANDARD_INFREQUENT_ACCESS");</c></example>
    public DynamoTable AddPropertyOverride(string path, object? value)
    {
        overrides.Set(path, value, Display, "AddPropertyOverride");
        return this;
    }

    /// <summary>Escape hatch: removes a property Stelvio wrote to the table resource, by dotted path. Returns the table for chaining.</summary>
    public DynamoTable RemovePropertyOverride(string path)
    {
        overrides.Remove(path, Display, "RemovePropertyOverride");
        return this;
    }

    internal override IReadOnlyDictionary<string, string>? ComponentTags => Declared.Tags;

    internal override void Synthesize(SynthContext context)
    {
        foreach (var warning in Schema.Warnings)
        {
            context.Warn(this, warning);
        }

        var provisioned = Declared.Billing == BillingMode.Provisioned;
        var table = new CfnTable
        {
            TableName = PhysicalName,
            AttributeDefinitions = Schema.AttributeDefinitions,
            KeySchema = Keys(Schema.PartitionKey, Schema.SortKey),
            BillingMode = provisioned ? "PROVISIONED" : "PAY_PER_REQUEST",
            ReadCapacity = provisioned ? Declared.ReadCapacity : null,
            WriteCapacity = provisioned ? Declared.WriteCapacity : null,
            LocalSecondaryIndexes = [.. Schema.LocalIndexes.Select(i => Index(i, false))],
            GlobalSecondaryIndexes = [.. Schema.GlobalIndexes.Select(i => Index(i, provisioned))],
            StreamViewType = Schema.Stream is { } view ? StreamSetting.ToViewType(view) : null,
            TimeToLiveAttribute = Declared.TimeToLiveAttribute,
            PointInTimeRecovery = Declared.PointInTimeRecovery,
            DeletionProtection = Declared.DeletionProtection,
            Tags = App.TagsFor(Declared.Tags),
        };

        var resource = context.Add(this, LogicalId, CfnTable.Type, table.Render());
        var policy = RemovalPolicy.ToString();
        resource.DeletionPolicy = policy;
        resource.UpdateReplacePolicy = RemovalPolicy == RemovalPolicy.RetainExceptOnCreate ? "Retain" : policy;
        overrides.ApplyTo(resource);

        // No outputs: 2-3 per table would reach CloudFormation's 200-output quota long before its 500 resources.
        // The 'outputs' command reads the name, ARN and stream ARN from the deployed stack (Deploy/StackOutputs).
    }

    private CfnTableIndex Index(IndexSchema index, bool provisioned) => new(
        index.Name,
        Keys(index.PartitionKey, index.SortKey),
        index.Projection switch
        {
            ProjectionType.All => "ALL",
            ProjectionType.Include => "INCLUDE",
            _ => "KEYS_ONLY",
        },
        index.NonKeyAttributes,
        provisioned ? index.ReadCapacity ?? Declared.ReadCapacity : null,
        provisioned ? index.WriteCapacity ?? Declared.WriteCapacity : null);

    private static (DynamoTableConfig, TableSchema) Check(string name, DynamoTableConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var copy = config.Copy();
        return (copy, TableSchema.Parse($"DynamoTable '{name}'", copy));
    }

    private static CfnKey[] Keys(string partitionKey, string? sortKey) =>
        sortKey is null ? [new(partitionKey, "HASH")] : [new(partitionKey, "HASH"), new(sortKey, "RANGE")];
}
