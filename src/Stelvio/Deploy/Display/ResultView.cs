using Spectre.Console;
using Stelvio.Deploy.CloudFormationApi;

namespace Stelvio.Deploy.Display;

/// <summary>The end of a deploy: outputs on success; on failure the failed resources with CloudFormation's reasons and the final status.</summary>
internal static class ResultView
{
    public static void Outputs(IAnsiConsole console, IReadOnlyList<StackOutput> outputs)
    {
        if (outputs.Count == 0)
        {
            console.MarkupLine("[grey]The stack has no outputs.[/]");
            return;
        }

        var width = outputs.Max(o => o.Key.Length);
        console.MarkupLine("Outputs:");
        foreach (var output in outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            console.MarkupLine($"  [bold]{Markup.Escape(output.Key.PadRight(width))}[/]  {Markup.Escape(output.Value)}");
        }
    }

    public static void Failure(IAnsiConsole console, string operation, string stackName, WatchResult result)
    {
        var meaning = result.FinalStatus switch
        {
            "ROLLBACK_COMPLETE" => "the stack was rolled back; it holds no resources and the next deploy replaces it",
            "UPDATE_ROLLBACK_COMPLETE" => "the update was rolled back; the stack is as it was before",
            "UPDATE_ROLLBACK_FAILED" => "the rollback failed too; continue it in the CloudFormation console",
            "ROLLBACK_FAILED" => "the rollback failed too; delete the stack in the CloudFormation console",
            "DELETE_FAILED" => "some resources could not be deleted; fix them and run destroy again",
            _ => "see the events above",
        };
        console.MarkupLine($"[red bold]{Markup.Escape(operation)} failed:[/] stack [bold]{Markup.Escape(stackName)}[/] is {Styles.Status(result.FinalStatus)} ({Markup.Escape(meaning)}).");
        var failures = result.Failures;
        if (failures.Count == 0 && result.StatusReason is not null)
        {
            console.MarkupLine("  " + Markup.Escape(result.StatusReason));
        }

        foreach (var failure in failures)
        {
            console.MarkupLine(
                $"  [red]✗[/] [bold]{Markup.Escape(failure.LogicalResourceId)}[/] [grey]{Markup.Escape(failure.ResourceType)}[/] {Styles.Status(failure.ResourceStatus)}: "
                + Markup.Escape(failure.ResourceStatusReason ?? "no reason given"));
        }
    }
}
