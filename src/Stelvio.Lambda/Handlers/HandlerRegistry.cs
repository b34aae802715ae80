using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Stelvio.Lambda.Context;
using Stelvio.Lambda.Events.DynamoDB;
using Stelvio.Lambda.Serialization;

namespace Stelvio.Lambda.Handlers;

/// <summary>
/// The handlers a function binary offers, by name. Lambda picks one with the function's <c>Handler</c>
/// setting (the <c>_HANDLER</c> environment variable), <c>[Namespace.]Type.Method</c>: the text after
/// <c>::</c> in a Stelvio handler such as <c>"functions/Orders::OrderHandlers.ProcessChanges"</c>.
/// The name is taken from the expression you pass, so pass a method group; give <c>name</c> for a lambda.
/// Dispatch uses no reflection, so the binary can be published with Native AOT.
/// </summary>
/// <example>
/// <code>return await LambdaHost.RunAsync(h => h.Add(OrderHandlers.ProcessChanges).Add(InventoryHandlers.UpdateStock));</code>
/// </example>
public sealed class HandlerRegistry
{
    private readonly List<RegisteredHandler> handlers = [];

    /// <summary>The names registered so far, in order.</summary>
    public IReadOnlyList<string> Names => handlers.ConvertAll(h => h.Name);

    /// <summary>Adds a DynamoDB stream handler that processes the whole batch or throws.</summary>
    /// <param name="handler">A method such as <c>static Task ProcessChanges(DynamoDBEvent e, ILambdaContext context)</c>.</param>
    /// <param name="name">The handler's name. Default: the expression passed as <paramref name="handler"/>.</param>
    public HandlerRegistry Add(Func<DynamoDBEvent, ILambdaContext, Task> handler, [CallerArgumentExpression(nameof(handler))] string name = "")
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Register(name, async (body, context) =>
        {
            await handler(Read(body, LambdaJsonContext.Default.DynamoDBEvent), context).ConfigureAwait(false);
            return [];
        });
    }

    /// <summary>Adds a DynamoDB stream handler that reports the records it failed (a partial batch response).</summary>
    /// <param name="handler">A method such as <c>static Task&lt;StreamsEventResponse&gt; ProcessChanges(DynamoDBEvent e, ILambdaContext context)</c>.</param>
    /// <param name="name">The handler's name. Default: the expression passed as <paramref name="handler"/>.</param>
    public HandlerRegistry Add(Func<DynamoDBEvent, ILambdaContext, Task<StreamsEventResponse>> handler, [CallerArgumentExpression(nameof(handler))] string name = "") =>
        Add(handler, LambdaJsonContext.Default.DynamoDBEvent, LambdaJsonContext.Default.StreamsEventResponse, name);

    /// <summary>Adds a handler of any JSON event and result, read and written with source-generated metadata.</summary>
    /// <param name="handler">The handler.</param>
    /// <param name="input">The event's metadata, from a <c>JsonSerializerContext</c> (for example <c>MyJsonContext.Default.OrderRequest</c>).</param>
    /// <param name="output">The result's metadata.</param>
    /// <param name="name">The handler's name. Default: the expression passed as <paramref name="handler"/>.</param>
    public HandlerRegistry Add<TInput, TOutput>(Func<TInput, ILambdaContext, Task<TOutput>> handler, JsonTypeInfo<TInput> input, JsonTypeInfo<TOutput> output, [CallerArgumentExpression(nameof(handler))] string name = "")
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        return Register(name, async (body, context) =>
        {
            var result = await handler(Read(body, input), context).ConfigureAwait(false);
            return JsonSerializer.SerializeToUtf8Bytes(result, output);
        });
    }

    /// <summary>Adds a handler of any JSON event that returns nothing.</summary>
    /// <param name="handler">The handler.</param>
    /// <param name="input">The event's metadata, from a <c>JsonSerializerContext</c>.</param>
    /// <param name="name">The handler's name. Default: the expression passed as <paramref name="handler"/>.</param>
    public HandlerRegistry Add<TInput>(Func<TInput, ILambdaContext, Task> handler, JsonTypeInfo<TInput> input, [CallerArgumentExpression(nameof(handler))] string name = "")
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(input);
        return Register(name, async (body, context) =>
        {
            await handler(Read(body, input), context).ConfigureAwait(false);
            return [];
        });
    }

    /// <summary>Finds the handler that <c>_HANDLER</c> names; see <see cref="HandlerResolution"/>.</summary>
    internal HandlerResolution Resolve(string? setting) => HandlerResolution.Resolve(setting, handlers);

    private HandlerRegistry Register(string expression, InvokeHandler invoke)
    {
        var name = HandlerName.FromExpression(expression);
        if (handlers.Exists(h => h.Name == name))
        {
            throw new ArgumentException($"Handler '{name}' is registered twice. Each handler name must be registered once.", nameof(expression));
        }

        handlers.Add(new RegisteredHandler(name, invoke));
        return this;
    }

    private static T Read<T>(byte[] body, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(body, type)
        ?? throw new JsonException($"The event is JSON null; the handler expects {typeof(T).Name}.");
}
