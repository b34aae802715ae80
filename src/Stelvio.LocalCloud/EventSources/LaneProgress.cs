namespace Stelvio.LocalCloud.EventSources;

/// <summary>What one lane of a mapping is doing, read by <see cref="EventSourceMappings.States"/> from other threads.</summary>
internal sealed class LaneProgress(int lane)
{
    private readonly Lock _gate = new();
    private LaneState _state = new(lane, LaneStatus.Idle, 0, 0, null);

    public LaneState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public void Set(LaneStatus status, int records = 0, int retries = 0, string? lastError = null)
    {
        lock (_gate)
        {
            _state = new LaneState(lane, status, records, retries, lastError ?? (status == LaneStatus.Idle ? null : _state.LastError));
        }
    }
}
