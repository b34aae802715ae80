using Stelvio.Aws.Lambda;
using Stelvio.Naming;

namespace Stelvio.Aws.DynamoDB;

public sealed partial class DynamoTable
{
    private readonly List<DynamoSubscription> subscriptions = [];

    /// <summary>The functions subscribed to this table's stream, in order.</summary>
    public IReadOnlyList<DynamoSubscription> Subscriptions => subscriptions;

    /// <summary>
    /// Subscribes a new function to the table's stream: a <see cref="Function"/> named <c>{table}-{name}</c> running
    /// <paramref name="handler"/>, fed by an event source mapping. <paramref name="function"/> holds the function's
    /// other settings (the guide's direct options: <c>new() { Timeout = 60, Memory = 512 }</c>) and must not repeat
    /// the handler; <paramref name="options"/> sets how the stream feeds it. The function can read the stream only;
    /// add the table to its <c>Links</c> for table access.
    /// </summary>
    /// <example>
    /// <code>
    /// orders.Subscribe("process-orders", "functions/Orders::OrderHandlers.ProcessChanges");
    /// orders.Subscribe("custom-handler", "functions/Orders::OrderHandlers.Handle", new() { Timeout = 60, Memory = 512 });
    /// </code>
    /// </example>
    public DynamoSubscription Subscribe(string name, string handler, FunctionConfig? function = null, SubscriptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return AddSubscription(name, handler, function, options);
    }

    /// <summary>
    /// Subscribes a new function, configured by <paramref name="function"/> (which holds the handler), to the
    /// table's stream. The guide's dictionary form converts: <c>Subscribe("dict-handler", new Dictionary&lt;string, object?&gt;
    /// { ["handler"] = …, ["timeout"] = 30 })</c>.
    /// </summary>
    public DynamoSubscription Subscribe(string name, FunctionConfig function, SubscriptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return AddSubscription(name, null, function, options);
    }

    private DynamoSubscription AddSubscription(string name, string? handler, FunctionConfig? function, SubscriptionOptions? options)
    {
        ArgumentNullException.ThrowIfNull(name);
        var at = $"Subscribe(\"{name}\")";
        if (StreamArn is null)
        {
            throw new StelvioConfigException(Display, at,
                "the table has no stream, so nothing can subscribe to it. Enable one with Stream in the table's configuration, " +
                "for example Stream = \"new-and-old-images\" (or StreamView.NewAndOldImages).");
        }

        if (NameRules.CheckComponentName(name) is { } problem)
        {
            throw new StelvioConfigException(Display, at, problem);
        }

        if (subscriptions.Any(s => s.Name == name))
        {
            throw new StelvioConfigException(Display, at,
                $"the table already has a subscription named '{name}'. Give each subscription of a table its own name.");
        }

        var functionName = $"{ComponentName}-{name}";
        if (App.Components.FirstOrDefault(c => c.ComponentName == functionName) is { } taken)
        {
            throw new StelvioConfigException(Display, at,
                $"the subscription's function would be named '{functionName}', which {taken.Display} already uses. Rename the subscription or that component.");
        }

        var configErrors = new ConfigErrors($"Function '{functionName}'");
        var config = FunctionConfigDictionary.Read(configErrors, function ?? new FunctionConfig());
        configErrors.ThrowIfAny();

        var errors = new ConfigErrors(Display);
        if (handler is not null && config.Handler is not null)
        {
            errors.Add(at, $"the handler is given twice: as an argument ('{handler}') and in the function's configuration ('{config.Handler}'). " +
                "Give it once: Subscribe(name, handler, new() { …other settings… }) or Subscribe(name, new FunctionConfig { Handler = …, … }).");
        }
        else if (handler is null && config.Handler is null)
        {
            errors.Add(at, "no handler is given. Pass it as the second argument (Subscribe(name, \"functions/Orders::OrderHandlers.ProcessChanges\")) " +
                "or as Handler in the function's configuration.");
        }

        var settings = options?.Copy() ?? new SubscriptionOptions(); // its own copy: later changes to the caller's object change nothing
        settings.Check(errors, at + ".options");
        errors.ThrowIfAny();

        var subscription = new DynamoSubscription(this, name, settings);
        subscription.Function = new Function(functionName, config with { Handler = handler ?? config.Handler });
        subscription.Function.AddTrigger(subscription);
        subscriptions.Add(subscription);
        return subscription;
    }
}
