using System.Text;
using System.Text.Json;
using Stelvio.LocalCloud.Lambda;

namespace Stelvio.LocalCloud.Tests.EventSources;

/// <summary>An in-process function: records every event it is invoked with and answers as the test says.</summary>
internal sealed class FakeInvoker : IFunctionInvoker
{
    private readonly Lock _gate = new();
    private readonly List<Call> _calls = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    /// <summary>The answer to each call (default: success with a null response).</summary>
    public Func<Call, Task<Answer>> Handler { get; set; } = _ => Task.FromResult(Answer.Ok());

    public IReadOnlyList<Call> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The calls to one function.</summary>
    public IReadOnlyList<Call> CallsTo(string functionName) => [.. Calls.Where(c => c.FunctionName == functionName)];

    /// <summary>Completes once <paramref name="count"/> calls have been made.</summary>
    public Task WhenCalls(int count)
    {
        lock (_gate)
        {
            if (_calls.Count >= count)
            {
                return Task.CompletedTask;
            }
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        Call call;
        lock (_gate)
        {
            call = new Call(request.FunctionName, JsonDocument.Parse(request.Payload).RootElement.Clone(), _calls.Count, request.Trigger);
            _calls.Add(call);
            foreach (var waiter in _waiters.Where(w => w.Count <= _calls.Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
        var answer = await Handler(call).ConfigureAwait(false);
        return new InvocationResult(
            Guid.NewGuid().ToString(), request.FunctionName, request.Trigger,
            Encoding.UTF8.GetBytes(answer.Payload ?? "null"), answer.Error, "", DateTimeOffset.UtcNow, TimeSpan.Zero, false, null);
    }

    /// <summary>One invocation: the event and its records.</summary>
    internal sealed record Call(string FunctionName, JsonElement Event, int Index, InvocationTrigger Trigger)
    {
        public IReadOnlyList<JsonElement> Records => [.. Event.GetProperty("Records").EnumerateArray()];

        /// <summary>The <c>id</c> key of each record.</summary>
        public IReadOnlyList<string> Ids => [.. Records.Select(Id)];

        public static string Id(JsonElement record) => record.GetProperty("dynamodb").GetProperty("Keys").GetProperty("id").GetProperty("S").GetString()!;

        public string SequenceNumber(int index) => Records[index].GetProperty("dynamodb").GetProperty("SequenceNumber").GetString()!;
    }

    internal sealed record Answer(string? Payload, FunctionError? Error)
    {
        public static Answer Ok(string? payload = null) => new(payload, null);

        public static Answer Fail(string message = "boom") =>
            new("{\"errorMessage\":\"" + message + "\",\"errorType\":\"System.InvalidOperationException\"}",
                new FunctionError("System.InvalidOperationException", message, []));
    }
}
