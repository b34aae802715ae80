using Spectre.Console;
using Stelvio.Deploy.CloudFormationApi;

namespace Stelvio.Deploy.Display;

/// <summary>
/// Streams a stack's events while CloudFormation works: one line per event (resource, status, reason),
/// under a progress bar counting finished resources when the terminal is interactive, as plain lines otherwise.
/// </summary>
internal static class EventsView
{
    public static async Task<WatchResult> FollowAsync(IAnsiConsole console, string title, int resources, Func<Action<StackEvent>, Task<WatchResult>> watch)
    {
        if (!Styles.IsLive(console))
        {
            return await watch(e => console.MarkupLine(Styles.EventLine(e)));
        }

        WatchResult? result = null;
        await console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: Math.Max(1, resources));
                var done = new HashSet<string>(StringComparer.Ordinal);
                result = await watch(e =>
                {
                    console.MarkupLine(Styles.EventLine(e));
                    if (!e.IsStackEvent && !StackStatus.IsInProgress(e.ResourceStatus) && done.Add(e.LogicalResourceId))
                    {
                        task.Value = Math.Min(task.MaxValue, done.Count);
                    }
                });
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
