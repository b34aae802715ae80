namespace Stelvio.Cli;

/// <summary>The exit codes of every command, as the README documents them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked (and <c>diff --exit-code</c> found no changes).</summary>
    public const int Success = 0;

    /// <summary>
    /// A failure the user must fix or chose: a configuration error, a handler that does not build, a deploy that
    /// failed, a question answered no, or (<c>diff --exit-code</c>) changes to deploy.
    /// </summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: an unknown command, option or argument, or an option without its value.</summary>
    public const int Usage = 2;

    /// <summary>Stopped with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
