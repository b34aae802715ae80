using System.Collections.Concurrent;
using Stelvio.DynamoDB.Local.Errors;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// ClientRequestToken idempotency of TransactWriteItems: for 10 minutes a token names one request; repeating it
/// returns the first response without writing again, reusing it for a different request is refused.
/// </summary>
internal sealed class TransactionTokens(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (string Request, DateTimeOffset Time, byte[] Response)> _tokens = new(StringComparer.Ordinal);

    /// <summary>The first response to this token and request, or null when the token is new (or expired).</summary>
    public byte[]? Replay(string token, string request)
    {
        if (!_tokens.TryGetValue(token, out var seen))
        {
            return null;
        }
        if (clock.GetUtcNow() - seen.Time > Lifetime)
        {
            _tokens.TryRemove(token, out _);
            return null;
        }
        if (seen.Request != request)
        {
            throw new DynamoDbException("IdempotentParameterMismatchException", "DynamoDB rejected the request because you retried a request with a different payload but with an idempotent token that was already used.");
        }
        return seen.Response;
    }

    public void Remember(string token, string request, byte[] response)
    {
        var now = clock.GetUtcNow();
        _tokens[token] = (request, now, response);
        if (_tokens.Count > 10_000)
        {
            foreach (var (key, value) in _tokens)
            {
                if (now - value.Time > Lifetime)
                {
                    _tokens.TryRemove(key, out _);
                }
            }
        }
    }
}
