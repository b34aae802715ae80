namespace Stelvio.Cli;

/// <summary>
/// Settings of a command that takes a command of the user's after <c>--</c> (<c>dev -- dotnet test</c>): the usage
/// check stops at <c>--</c>, and the command reads what follows from <c>CommandContext.Remaining.Raw</c>.
/// </summary>
internal interface IPassThroughArguments;
