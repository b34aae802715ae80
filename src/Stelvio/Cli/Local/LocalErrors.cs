using Spectre.Console;
using Stelvio.Assets;
using Stelvio.LocalCloud.Template;

namespace Stelvio.Cli.Local;

/// <summary>The failures of the local commands that the user fixes: printed as what went wrong and what to do, never a stack trace (exit code 1).</summary>
internal static class LocalErrors
{
    public static async Task<int> RunAsync(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (AssetBuildException exception)
        {
            console.MarkupLine("[red]Error:[/] " + Markup.Escape(exception.Message));
        }
        catch (LocalTemplateException exception)
        {
            console.MarkupLine("[red]Error:[/] the app cannot run locally: " + Markup.Escape(exception.Message));
        }
        catch (LocalCommandException exception)
        {
            console.MarkupLine("[red]Error:[/] " + Markup.Escape(exception.Message));
        }

        return ExitCodes.Failure;
    }
}

/// <summary>A local command cannot go on (unknown function, unreadable event file, a command that does not start); the message says what to do.</summary>
internal sealed class LocalCommandException : Exception
{
    public LocalCommandException(string message)
        : base(message)
    {
    }

    public LocalCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
