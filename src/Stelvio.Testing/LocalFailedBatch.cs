namespace Stelvio.Testing;

/// <summary>A stream batch a subscription gave up, with the record Lambda sends to an on-failure destination.</summary>
/// <param name="Function">The subscribed function.</param>
/// <param name="Mapping">The event source mapping's logical ID.</param>
/// <param name="Condition"><c>RetryAttemptsExhausted</c> or <c>RecordAgeExceeded</c>.</param>
/// <param name="RecordCount">Records given up.</param>
/// <param name="FailureRecord">AWS's failure record (JSON).</param>
/// <param name="Destination">The on-failure destination ARN, if the subscription has one (kept locally, not sent).</param>
/// <param name="At">When.</param>
public sealed record LocalFailedBatch(string Function, string Mapping, string Condition, int RecordCount, string FailureRecord, string? Destination, DateTimeOffset At);
