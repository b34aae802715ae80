namespace Stelvio.Lambda.Handlers;

/// <summary>
/// The outcome of looking up <c>_HANDLER</c>: the handler, or why none fits. A name matches exactly, or
/// with or without its namespace (<c>Orders.OrderHandlers.ProcessChanges</c> finds a handler registered as
/// <c>OrderHandlers.ProcessChanges</c> and the other way round) when only one handler fits. A Stelvio handler
/// string (<c>functions/Orders::OrderHandlers.ProcessChanges</c>) is read from its <c>::</c>.
/// </summary>
internal sealed record HandlerResolution(RegisteredHandler? Handler, string? Error)
{
    /// <summary>The <c>errorType</c> of the init error when no handler fits.</summary>
    public const string NotFoundErrorType = "Runtime.HandlerNotFound";

    public static HandlerResolution Resolve(string? setting, IReadOnlyList<RegisteredHandler> handlers)
    {
        var registered = handlers.Count == 0
            ? "No handler is registered: register them in Program.cs, as in LambdaHost.RunAsync(h => h.Add(OrderHandlers.ProcessChanges))."
            : "Registered handlers: " + string.Join(", ", handlers.Select(h => h.Name)) + ".";
        if (string.IsNullOrWhiteSpace(setting))
        {
            return Fail($"_HANDLER is not set; it names the handler to run, as [Namespace.]Type.Method. {registered}");
        }

        var separator = setting.LastIndexOf("::", StringComparison.Ordinal);
        var name = (separator >= 0 ? setting[(separator + 2)..] : setting).Trim();
        var exact = handlers.FirstOrDefault(h => h.Name == name);
        if (exact is not null)
        {
            return new HandlerResolution(exact, null);
        }

        var candidates = handlers.Where(h => h.Name.EndsWith("." + name, StringComparison.Ordinal) || name.EndsWith("." + h.Name, StringComparison.Ordinal)).ToList();
        return candidates.Count switch
        {
            1 => new HandlerResolution(candidates[0], null),
            0 => Fail($"_HANDLER '{setting}' matches no registered handler. {registered} " +
                $"Register it (h.Add({name})) or fix the function's Handler setting."),
            _ => Fail($"_HANDLER '{setting}' is ambiguous: it matches {string.Join(", ", candidates.Select(h => h.Name))}. " +
                "Set the Handler with its namespace, or register the handlers with distinct names."),
        };
    }

    private static HandlerResolution Fail(string error) => new(null, error);
}
