using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Stelvio.Cli.Commands;

/// <summary>Arguments of <c>invoke</c>: the function's name and its event (<c>--payload</c> or <c>--file</c>; default <c>{}</c>).</summary>
internal sealed class InvokeSettings : LocalSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The function to run: its name in the app (process-user, orders-process-orders, ...) or its physical name.")]
    public string Name { get; init; } = "";

    [CommandOption("--payload <JSON>")]
    [Description("The event, as JSON. Default: {}.")]
    public string? Payload { get; init; }

    [CommandOption("--file <FILE>")]
    [Description("Read the event from this JSON file instead.")]
    public string? File { get; init; }

    public override ValidationResult Validate()
    {
        if (Payload is not null && File is not null)
        {
            return ValidationResult.Error("--payload and --file both give the event; use one of them.");
        }

        return Payload is not null && InvokeEvent.Problem(Payload) is { } problem
            ? ValidationResult.Error($"--payload is not valid JSON: {problem}")
            : ValidationResult.Success();
    }
}

/// <summary>The event <c>invoke</c> sends.</summary>
internal static class InvokeEvent
{
    /// <summary>What is wrong with <paramref name="json"/> as JSON (with its line and position), or null when it parses.</summary>
    public static string? Problem(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
            return null;
        }
        catch (JsonException exception)
        {
            return exception.Message;
        }
    }
}
