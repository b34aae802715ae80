namespace Stelvio.DynamoDB.Local.Persistence;

/// <summary>
/// Where a request's writes become durable. Storage hands commits to persistence under the tables' locks,
/// where persistence only appends them to its log; the engine opens a <see cref="Scope"/> around each request
/// and, when it ends (after the locks are released, before the response is sent), waits for the log to make
/// that request's writes durable. Concurrent requests, even to one table, thereby share one log flush.
/// A commit made outside a request (a TTL deletion) is flushed at once.
/// </summary>
internal static class WriteDurability
{
    [ThreadStatic]
    private static int t_depth;

    [ThreadStatic]
    private static DataDirectory? t_log;

    [ThreadStatic]
    private static long t_position;

    /// <summary>Opens a request's scope; disposing it returns once its writes are durable.</summary>
    public static RequestScope Scope()
    {
        t_depth++;
        return new RequestScope();
    }

    /// <summary>Records that this thread's request wrote up to <paramref name="position"/>, or flushes now outside a request.</summary>
    public static void Written(DataDirectory log, long position)
    {
        if (t_depth == 0)
        {
            log.Flush(position);
            return;
        }
        if (t_log is not null && !ReferenceEquals(t_log, log))
        {
            t_log.Flush(t_position);
        }
        t_log = log;
        t_position = Math.Max(t_position, position);
    }

    internal readonly struct RequestScope : IDisposable
    {
        public void Dispose()
        {
            if (--t_depth > 0 || t_log is not { } log)
            {
                return;
            }
            var position = t_position;
            t_log = null;
            t_position = 0;
            log.Flush(position);
        }
    }
}
