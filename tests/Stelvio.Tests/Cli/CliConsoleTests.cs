using Spectre.Console;
using Stelvio.Cli;

namespace Stelvio.Tests.Cli;

/// <summary>The console of a real run: whole lines when not a terminal, no styling with NO_COLOR.</summary>
public sealed class CliConsoleTests
{
    private static readonly string LongLine = "Template written to " + string.Join('/', Enumerable.Repeat("a-rather-long-folder-name", 12)) + "/shop-dev.template.json";

    [Fact]
    public void OutputThatIsNotATerminal_KeepsEachLineWhole()
    {
        using var writer = new StringWriter();
        var console = CliConsole.Create(_ => null, writer, AnsiSupport.No);

        console.MarkupLine("[green]" + Markup.Escape(LongLine) + "[/]");

        Assert.Equal(LongLine + Environment.NewLine, writer.ToString());
    }

    [Fact]
    public void WithoutNoColor_StylesAreWrittenAsAnsiSequences()
    {
        using var writer = new StringWriter();
        var console = CliConsole.Create(_ => null, writer, AnsiSupport.Yes);

        console.MarkupLine("[red bold]Error:[/] [dim]x[/]");

        Assert.Contains('\u001b', writer.ToString());
    }

    [Fact]
    public void NoColor_RemovesAllStyling()
    {
        using var writer = new StringWriter();
        var console = CliConsole.Create(name => name == "NO_COLOR" ? "1" : null, writer, AnsiSupport.Yes);

        console.MarkupLine("[red bold]Error:[/] [dim]x[/] [underline]y[/]");

        Assert.Equal("Error: x y" + Environment.NewLine, writer.ToString());
    }
}
