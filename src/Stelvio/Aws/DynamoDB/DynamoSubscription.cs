using System.Text.Json.Nodes;
using Stelvio.Aws.Lambda;
using Stelvio.CloudFormation;
using Stelvio.CloudFormation.Resources;
using Stelvio.Links;

namespace Stelvio.Aws.DynamoDB;

/// <summary>
/// A function subscribed to a table's stream (<see cref="DynamoTable.Subscribe(string, string, FunctionConfig?, SubscriptionOptions?)"/>):
/// the <see cref="Function"/> named <c>{table}-{name}</c> and the <c>AWS::Lambda::EventSourceMapping</c> feeding it.
/// The function's role gets stream read access only; link the table too for table access.
/// </summary>
public sealed class DynamoSubscription : IFunctionTrigger
{
    private readonly PropertyOverrides mappingOverrides = new();

    internal DynamoSubscription(DynamoTable table, string name, SubscriptionOptions options)
    {
        Table = table;
        Name = name;
        Options = options;
    }

    /// <summary>The subscription's name within its table.</summary>
    public string Name { get; }

    /// <summary>The table whose stream is read.</summary>
    public DynamoTable Table { get; }

    /// <summary>The subscribed function; its own escape hatches (<see cref="Function.AddPropertyOverride"/>) customise it.</summary>
    public Function Function { get; internal set; } = null!;

    /// <summary>How the stream feeds the function.</summary>
    public SubscriptionOptions Options { get; }

    /// <summary>The logical ID of the event source mapping.</summary>
    public string MappingLogicalId => Function.LogicalIdPrefix + "EventSourceMapping";

    /// <summary>
    /// The stream read access the function gets: <see cref="DynamoActions.StreamRead"/> on the stream ARN,
    /// <see cref="DynamoActions.StreamList"/> on <c>*</c>, and the on-failure destination's send action.
    /// </summary>
    public IReadOnlyList<AwsPermission> Permissions
    {
        get
        {
            List<AwsPermission> permissions =
            [
                new(DynamoActions.StreamRead, [Table.StreamArn!]),
                new(DynamoActions.StreamList, ["*"]),
            ];
            if (Options.OnFailure is { } destination)
            {
                permissions.Add(destination.Permission);
            }

            return permissions;
        }
    }

    /// <summary>Escape hatch: sets a raw CloudFormation property of this subscription's event source mapping, by dotted path (<c>"TumblingWindowInSeconds"</c>).</summary>
    public DynamoSubscription AddMappingPropertyOverride(string path, object? value)
    {
        mappingOverrides.Set(path, value, Table.Display, $"Subscribe(\"{Name}\").AddMappingPropertyOverride");
        return this;
    }

    /// <summary>Escape hatch: removes a property Stelvio wrote to this subscription's event source mapping.</summary>
    public DynamoSubscription RemoveMappingPropertyOverride(string path)
    {
        mappingOverrides.Remove(path, Table.Display, $"Subscribe(\"{Name}\").RemoveMappingPropertyOverride");
        return this;
    }

    void IFunctionTrigger.Synthesize(SynthContext context, Function function, string? policyLogicalId)
    {
        // The table's own escape hatches may rewrite it, but not take away the stream this mapping reads.
        if (context.Template.Find(Table.LogicalId)?.Properties["StreamSpecification"] is null)
        {
            throw new StelvioConfigException(
                Table.Display,
                $"Subscribe(\"{Name}\")",
                "a property override removed the table's StreamSpecification, but this subscription reads the stream. Keep the stream, or remove the subscription.");
        }

        WarnAboutImagesTheStreamLacks(context);
        var mapping = context.Add(function, MappingLogicalId, CfnEventSourceMapping.Type, new CfnEventSourceMapping
        {
            EventSourceArn = Table.StreamArn!.ToCloudFormation(),
            FunctionName = function.Name.ToCloudFormation(),
            StartingPosition = Options.StartingPosition == StartingPosition.TrimHorizon ? "TRIM_HORIZON" : "LATEST",
            BatchSize = Options.BatchSize,
            MaximumBatchingWindowInSeconds = Options.BatchingWindowSeconds,
            FilterPatterns = [.. Options.Filters.Select(f => f.Pattern)],
            MaximumRetryAttempts = Options.MaxRetryAttempts,
            MaximumRecordAgeInSeconds = Options.MaxRecordAgeSeconds,
            BisectBatchOnFunctionError = Options.BisectBatchOnError,
            FunctionResponseTypes = Options.ReportBatchItemFailures ? ["ReportBatchItemFailures"] : [],
            ParallelizationFactor = Options.ParallelizationFactor,
            Enabled = Options.Enabled,
            OnFailureDestination = Options.OnFailure?.Arn.ToCloudFormation(),
            Tags = function.App.TagsFor(function.Declared.Tags),
        }.Render());

        // Lambda checks the role can read the stream when the mapping is created.
        if (policyLogicalId is not null)
        {
            mapping.DependsOn.Add(policyLogicalId);
        }

        mappingOverrides.ApplyTo(mapping);
    }

    private void WarnAboutImagesTheStreamLacks(SynthContext context)
    {
        var view = Table.Stream;
        for (var i = 0; i < Options.Filters.Count; i++)
        {
            foreach (var image in Options.Filters[i].Images)
            {
                var lacking = image switch
                {
                    "NewImage" => view is StreamView.KeysOnly or StreamView.OldImage,
                    "OldImage" => view is StreamView.KeysOnly or StreamView.NewImage,
                    _ => false,
                };
                if (lacking)
                {
                    context.Warn(Table, $"Subscribe(\"{Name}\").options.Filters[{i}] matches on {image}, but the table's stream ({StreamSetting.ToViewType(view!.Value)}) " +
                        $"records no {(image == "NewImage" ? "new" : "old")} images, so the filter never matches. Set Stream = \"new-and-old-images\", or filter on Keys.");
                }
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Subscription '{Name}' of {Table.Display}";
}
