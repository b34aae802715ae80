using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.Lambda;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// The app's DynamoDB stream event source mappings, run as Lambda runs them: each enabled mapping reads its stream
/// through the engine's change feed (woken by each commit), per shard and in order, batches the records that pass
/// its filters and invokes its function through the <see cref="IFunctionInvoker"/>, retrying, splitting and
/// discarding failed batches as AWS documents. Several mappings on one stream each get every record; a disabled
/// mapping delivers nothing.
/// </summary>
/// <example>
/// <code>
/// await using var mappings = new EventSourceMappings(engine, app.EventSourceMappings, app.Functions, lambda, new());
/// mappings.Start();
/// // … write to the tables …
/// await mappings.WhenIdleAsync(cancellationToken);
/// </code>
/// </example>
internal sealed class EventSourceMappings : IAsyncDisposable
{
    private readonly List<MappingRunner> _runners = [];
    private readonly List<MappingState> _disabled = [];
    private readonly List<FailedBatch> _failedBatches = [];
    private readonly Lock _gate = new();
    private bool _started;

    /// <summary>Checks every mapping (an invalid one throws <see cref="EventSourceMappingException"/>); <see cref="Start"/> starts them.</summary>
    public EventSourceMappings(
        DynamoEngine engine,
        IReadOnlyList<LocalEventSourceMapping> mappings,
        IReadOnlyList<LocalFunction> functions,
        IFunctionInvoker invoker,
        EventSourceOptions options)
    {
        var notRunLocally = new List<string>();
        foreach (var mapping in mappings)
        {
            var filters = MappingValidation.Check(mapping, functions, out var function);
            if (mapping.OnFailureDestination is { } destination)
            {
                notRunLocally.Add($"{mapping.LogicalId}: failure records for the on-failure destination {destination} are kept locally (FailedBatches), not sent.");
            }
            if (mapping.TumblingWindow is not null)
            {
                notRunLocally.Add($"{mapping.LogicalId}: TumblingWindowInSeconds is not run locally; batches are delivered without window state.");
            }
            if (!mapping.Enabled)
            {
                _disabled.Add(new MappingState(mapping.Uuid, mapping.LogicalId, function.Name, false, null, 0, []));
                continue;
            }
            _runners.Add(new MappingRunner(engine, mapping, function, filters, invoker, options, Record));
        }
        NotRunLocally = notRunLocally;
    }

    /// <summary>What the mappings declare that is not run locally, one line each, for start-up.</summary>
    public IReadOnlyList<string> NotRunLocally { get; }

    /// <summary>Starts every enabled mapping; a LATEST mapping starts after the last record written before this call.</summary>
    public void Start()
    {
        if (_started)
        {
            throw new InvalidOperationException("The event source mappings are already started.");
        }
        _started = true;
        foreach (var runner in _runners)
        {
            runner.Start();
        }
    }

    /// <summary>
    /// Completes when every enabled mapping has dealt with (delivered, filtered out or discarded) every record committed
    /// before the call and no batch is in flight.
    /// </summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_runners.Select(runner => runner.WhenIdleAsync(cancellationToken)));

    /// <summary>The batches given up, oldest first, each with AWS's on-failure record.</summary>
    public IReadOnlyList<FailedBatch> FailedBatches
    {
        get
        {
            lock (_gate)
            {
                return [.. _failedBatches];
            }
        }
    }

    /// <summary>Per mapping: its position, pending records, and each lane's work (blocked, retrying, last error).</summary>
    public IReadOnlyList<MappingState> States => [.. _runners.Select(runner => runner.State), .. _disabled];

    private void Record(FailedBatch batch)
    {
        lock (_gate)
        {
            _failedBatches.Add(batch);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in _runners)
        {
            await runner.DisposeAsync().ConfigureAwait(false);
        }
    }
}
