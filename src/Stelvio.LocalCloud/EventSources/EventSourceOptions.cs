namespace Stelvio.LocalCloud.EventSources;

/// <summary>How the local event source mappings run.</summary>
internal sealed class EventSourceOptions
{
    /// <summary>The clock for batching windows, retry delays, record ages and failure records (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long to wait before retry number N (1, 2, …) of a failed batch. The default backs off exponentially from
    /// 1 second to 30 seconds; tests pass <c>_ =&gt; TimeSpan.Zero</c>.
    /// </summary>
    public Func<int, TimeSpan> RetryDelay { get; init; } = RetryPolicy.DefaultDelay;

    /// <summary>Called on every batch delivered, failed, retrying or discarded (for the live display).</summary>
    public Action<MappingEvent>? OnEvent { get; init; }
}
