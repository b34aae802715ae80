using System.Text.Json;
using Stelvio.DynamoDB.Local;
using Stelvio.DynamoDB.Local.Streams;
using Stelvio.LocalCloud.Lambda;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// One enabled mapping at work: a <see cref="ShardPoller"/> reading its stream and <c>ParallelizationFactor</c> lanes,
/// each gathering batches (<see cref="RecordBatcher"/>) and delivering them (<see cref="BatchDelivery"/>) in order.
/// </summary>
internal sealed class MappingRunner : IAsyncDisposable
{
    private readonly DynamoEngine _engine;
    private readonly IFunctionInvoker _invoker;
    private readonly EventSourceOptions _options;
    private readonly FilterCriteria _filters;
    private readonly Action<FailedBatch> _failed;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];
    private LaneQueue[] _lanes = [];
    private LaneProgress[] _progress = [];
    private PartitionRouter _router = new(null, 1);
    private ShardPoller? _poller;
    private string _tableName = "";
    private TaskCompletionSource _changed = NewSignal();
    private int _pending;
    private volatile Exception? _fault;

    public MappingRunner(
        DynamoEngine engine, LocalEventSourceMapping mapping, LocalFunction function, FilterCriteria filters,
        IFunctionInvoker invoker, EventSourceOptions options, Action<FailedBatch> failed)
    {
        _engine = engine;
        Mapping = mapping;
        Function = function;
        _filters = filters;
        _invoker = invoker;
        _options = options;
        _failed = failed;
        Policy = new RetryPolicy(mapping.MaximumRetryAttempts, mapping.MaximumRecordAge, options.RetryDelay);
        ShardId = "";
    }

    public LocalEventSourceMapping Mapping { get; }

    public LocalFunction Function { get; }

    public RetryPolicy Policy { get; }

    public TimeProvider Time => _options.TimeProvider;

    public string ShardId { get; private set; }

    /// <summary>Takes the start position now (so LATEST means: records written after this call) and starts reading.</summary>
    public void Start()
    {
        var stream = StreamDescription.Describe(_engine, Mapping);
        ShardId = stream.ShardId;
        _tableName = stream.TableName;
        _router = new PartitionRouter(stream.PartitionKey, Mapping.ParallelizationFactor);
        _poller = new ShardPoller(this, _engine.ChangeFeed, stream.TableName,
            StreamPosition.Start(_engine.ChangeFeed, stream.TableName, Mapping.StartingPosition));
        _lanes = [.. Enumerable.Range(0, Mapping.ParallelizationFactor).Select(_ => new LaneQueue())];
        _progress = [.. Enumerable.Range(0, Mapping.ParallelizationFactor).Select(i => new LaneProgress(i))];
        _tasks.Add(Watch(Task.Run(() => _poller.RunAsync(_stop.Token))));
        for (var i = 0; i < _lanes.Length; i++)
        {
            var lane = i;
            _tasks.Add(Watch(Task.Run(() => RunLaneAsync(lane, _stop.Token))));
        }
    }

    private async Task RunLaneAsync(int lane, CancellationToken cancellationToken)
    {
        var progress = _progress[lane];
        var batcher = new RecordBatcher(_lanes[lane], Mapping.BatchSize, Mapping.MaximumBatchingWindow, Time);
        var delivery = new BatchDelivery(this, progress);
        while (true)
        {
            progress.Set(LaneStatus.Idle);
            var batch = await batcher.NextAsync(count => progress.Set(LaneStatus.Gathering, count), cancellationToken).ConfigureAwait(false);
            await delivery.DeliverAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records of the mapping's stream read together: those no filter matches are dropped, the rest queued on their lanes.</summary>
    public void Accept(IReadOnlyList<StreamRecord> records)
    {
        var lanes = new List<PendingRecord>[_lanes.Length];
        foreach (var record in records)
        {
            var json = StreamEventJson.Record(record);
            if (!_filters.IsEmpty)
            {
                using var document = JsonDocument.Parse(json);
                if (!_filters.Matches(document.RootElement))
                {
                    continue;
                }
            }
            Interlocked.Increment(ref _pending);
            (lanes[_router.LaneOf(record)] ??= []).Add(new PendingRecord(record, json));
        }
        for (var i = 0; i < lanes.Length; i++)
        {
            if (lanes[i] is { } queued)
            {
                _lanes[i].Add(queued);
            }
        }
    }

    public async Task<InvocationResult> InvokeAsync(IReadOnlyList<PendingRecord> records, CancellationToken cancellationToken)
    {
        var trigger = new InvocationTrigger("stream", $"{Mapping.Uuid} {Mapping.EventSourceArn}", records.Count);
        var request = new InvocationRequest(Function.Name, StreamEventJson.Batch(records), trigger);
        try
        {
            return await _invoker.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The invocation did not happen (as when Lambda cannot invoke): retried like a failed invocation.
            var now = Time.GetUtcNow();
            return new InvocationResult(Guid.NewGuid().ToString(), Function.Name, trigger, [],
                new FunctionError(error.GetType().FullName ?? error.GetType().Name, error.Message, []), "", now, TimeSpan.Zero, false, null);
        }
    }

    /// <summary>Records the function processed.</summary>
    public void Done(IReadOnlyList<PendingRecord> records, MappingEventKind kind, int retries)
    {
        Emit(kind, records.Count, retries, null);
        Resolved(records.Count);
    }

    public void Discard(IReadOnlyList<PendingRecord> records, string condition, int invocations, InvocationResult? last, int retries)
    {
        var now = Time.GetUtcNow();
        var record = FailureRecord.Write(condition, Function.Arn, invocations, last, now, ShardId, Mapping.EventSourceArn, records);
        _failed(new FailedBatch(Mapping.Uuid, Mapping.LogicalId, Function.Name, Mapping.OnFailureDestination, condition, records.Count, record, now));
        Emit(MappingEventKind.Discarded, records.Count, retries, condition);
        Resolved(records.Count);
    }

    public void Emit(MappingEventKind kind, int records, int retries, string? error) =>
        _options.OnEvent?.Invoke(new MappingEvent(kind, Mapping.Uuid, Mapping.LogicalId, Function.Name, records, retries, error, Time.GetUtcNow()));

    private void Resolved(int count)
    {
        Interlocked.Add(ref _pending, -count);
        Progressed();
    }

    /// <summary>Wakes whoever waits in <see cref="WhenIdleAsync"/>.</summary>
    public void Progressed() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    /// <summary>Completes when every record committed before the call is read and dealt with and no batch is in flight.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        var poller = _poller ?? throw new InvalidOperationException("The mapping has not been started.");
        var target = StreamPosition.Tail(_engine.ChangeFeed, _tableName, poller.ReadThrough);
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (_fault is { } fault)
            {
                throw new InvalidOperationException($"Event source mapping {Mapping.LogicalId} stopped: {fault.Message}", fault);
            }
            if (StreamPosition.Compare(poller.ReadThrough, target) >= 0 && Volatile.Read(ref _pending) == 0)
            {
                return;
            }
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public MappingState State => new(
        Mapping.Uuid, Mapping.LogicalId, Function.Name, true,
        _poller?.ReadThrough is { } position && position != StreamPosition.Beginning ? position : null,
        Volatile.Read(ref _pending),
        [.. _progress.Select(p => p.State)]);

    private Task Watch(Task task) => task.ContinueWith(
        t =>
        {
            if (t.Exception is { } error && !_stop.IsCancellationRequested)
            {
                _fault = error.InnerException ?? error;
                Progressed();
            }
        },
        CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_tasks).ConfigureAwait(false);
        _stop.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
