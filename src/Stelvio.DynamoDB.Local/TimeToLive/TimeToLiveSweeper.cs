namespace Stelvio.DynamoDB.Local.TimeToLive;

/// <summary>
/// Deletes expired items, as DynamoDB's Time to Live does in the background: every <see cref="Period"/> of the
/// engine's <see cref="TimeProvider"/> (and whenever <see cref="SweepNow"/> is called) it deletes, through
/// storage, each item whose TTL attribute is a Number of epoch seconds in the past. Deletions commit as Time to
/// Live deletions, so their stream records carry the service's identity. Until swept, expired items are still
/// read, queried and scanned, as on AWS (where deletion typically follows within days).
/// </summary>
public sealed class TimeToLiveSweeper
{
    /// <summary>How often the engine sweeps by default.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(1);

    private readonly ITimeToLiveStore _store;
    private readonly TimeProvider _time;
    private readonly Lock _sweeping = new();
    private ITimer? _timer;

    internal TimeToLiveSweeper(ITimeToLiveStore store, TimeProvider time, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _store = store;
        _time = time;
        Period = period;
    }

    /// <summary>The time between two sweeps.</summary>
    public TimeSpan Period { get; }

    /// <summary>Starts sweeping every <see cref="Period"/>.</summary>
    internal void Start() => _timer ??= _time.CreateTimer(_ => SweepInBackground(), null, Period, Period);

    private void SweepInBackground()
    {
        try
        {
            SweepNow();
        }
        catch (Errors.DynamoDbException)
        {
            // A table deleted or changed while being swept: the next sweep sees the catalog as it is then.
        }
    }

    /// <summary>Deletes every item expired now and returns how many it deleted.</summary>
    public int SweepNow()
    {
        lock (_sweeping)
        {
            var now = _time.GetUtcNow();
            var deleted = 0;
            foreach (var table in _store.TablesWithTimeToLive())
            {
                foreach (var key in _store.ExpiredKeys(table, now))
                {
                    if (_store.DeleteIfExpired(table, key, now))
                    {
                        deleted++;
                    }
                }
            }
            return deleted;
        }
    }

    /// <summary>Stops sweeping (a sweep under way finishes).</summary>
    internal void Stop()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
