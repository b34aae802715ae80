using Stelvio.LocalCloud.Hosting;
using Stelvio.LocalCloud.Lambda;

namespace Stelvio.LocalCloud.Tests.Hosting;

public class InvocationTrackerTests
{
    [Fact]
    public async Task AnInvocation_IsInFlightUntilItsResult_AndCountsAsTwoChanges()
    {
        var invoker = new GatedInvoker();
        var completed = new List<(InvocationRequest, InvocationResult)>();
        var tracker = new InvocationTracker(invoker, (request, result) => completed.Add((request, result)));
        var request = new InvocationRequest("f", "{}"u8.ToArray(), new InvocationTrigger("test", null, 0));

        var running = tracker.InvokeAsync(request, CancellationToken.None);
        var idle = tracker.WhenNoneInFlightAsync(CancellationToken.None);

        Assert.False(idle.IsCompleted);
        Assert.Equal("f", Assert.Single(tracker.InFlight).Function);
        Assert.Equal(1, tracker.Changes);
        invoker.Release();
        var result = await running;
        await idle;
        Assert.Empty(tracker.InFlight);
        Assert.Equal(2, tracker.Changes);
        Assert.Equal((request, result), Assert.Single(completed));
        Assert.True(tracker.WhenNoneInFlightAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task WorkTrackedForTheInvokeApi_IsInFlightToo()
    {
        var tracker = new InvocationTracker(new GatedInvoker(), (_, _) => { });
        var gate = new TaskCompletionSource();

        var running = tracker.TrackAsync("g", () => gate.Task);

        Assert.Equal("g", Assert.Single(tracker.InFlight).Function);
        gate.SetResult();
        await running;
        Assert.Empty(tracker.InFlight);
    }

    private sealed class GatedInvoker : IFunctionInvoker
    {
        private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => gate.SetResult();

        public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
        {
            await gate.Task;
            return new InvocationResult("r-1", request.FunctionName, request.Trigger, "null"u8.ToArray(), null, "", DateTimeOffset.UnixEpoch, TimeSpan.Zero, false, null);
        }
    }
}
