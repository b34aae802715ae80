using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Operations;
using Stelvio.DynamoDB.Local.Persistence;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Streams;
using Stelvio.DynamoDB.Local.TimeToLive;

namespace Stelvio.DynamoDB.Local;

/// <summary>
/// The engine: its tables and the operations it serves. <see cref="LocalDynamo"/> serves it over HTTP;
/// <see cref="Invoke"/> calls an operation in-process with the same JSON the wire carries, without HTTP.
/// </summary>
public sealed class DynamoEngine : IDisposable
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public DynamoEngine(LocalDynamoOptions? options = null)
    {
        options ??= new LocalDynamoOptions();
        Region = options.Region;
        AccountId = options.AccountId;
        Catalog = new Catalog(Region, AccountId) { Clock = options.TimeProvider };
        Operations = new OperationRegistry();
        TransactionTokens = new TransactionTokens(Catalog.Clock);
        CoreOperations.Register(Operations);
        PartiQL.PartiQLOperations.Register(Operations);
        if (options.DataDirectory is { } directory)
        {
            Persistence = EnginePersistence.Open(directory, options.SyncWrites, Catalog.Clock);
        }
        // Streams listen before persistence, which writes a commit's stream records in the commit's log frame.
        Streams = new StreamsService(new StreamStore(Region, AccountId, options.TimeProvider, Model.ItemSize.Of, Persistence));
        Catalog.AddCommitListener(Streams.Store);
        Catalog.AddCatalogListener(new StreamCatalogListener(Streams.Store));
        Persistence?.Attach(Catalog, Streams.Store);
        StreamsOperations.Register(Operations);
        ChangeFeed = new ChangeFeed(Streams.Store);
        TimeToLive = new TimeToLiveSweeper(new CatalogTimeToLiveStore(Catalog), options.TimeProvider, options.TimeToLiveSweepPeriod);
    }

    /// <summary>The data directory the engine keeps its state in, if any.</summary>
    internal EnginePersistence? Persistence { get; }

    /// <summary>Closes the data directory (if any); the engine takes no more writes.</summary>
    public void Dispose() => Persistence?.Dispose();

    public string Region { get; }

    public string AccountId { get; }

    internal Catalog Catalog { get; }

    internal StreamsService Streams { get; }

    /// <summary>The tables' stream records in-process, as they commit (see <see cref="Streams.ChangeFeed"/>).</summary>
    public ChangeFeed ChangeFeed { get; }

    /// <summary>Deletes expired items (TTL); <see cref="LocalDynamo"/> runs it every sweep period, tests call SweepNow.</summary>
    public TimeToLiveSweeper TimeToLive { get; }

    internal OperationRegistry Operations { get; }

    internal TransactionTokens TransactionTokens { get; }

    /// <summary>
    /// Calls an operation in-process. <paramref name="operation"/> is a DynamoDB operation name (<c>PutItem</c>)
    /// or a full X-Amz-Target (<c>DynamoDBStreams_20120810.GetRecords</c>); the request and the returned response
    /// are AWS JSON 1.0 bodies. Errors are thrown as <see cref="DynamoDbException"/> with AWS's type and message.
    /// </summary>
    public byte[] Invoke(string operation, ReadOnlySpan<byte> requestJson)
    {
        var target = operation.Contains('.', StringComparison.Ordinal) ? operation : OperationRegistry.DynamoDB + "." + operation;
        using var buffer = new PooledBuffer(1024);
        var error = Execute(target, requestJson.ToArray(), buffer);
        return error is null ? buffer.WrittenSpan.ToArray() : throw error;
    }

    /// <summary>Runs one request; writes the response body to <paramref name="output"/> or returns the error.</summary>
    internal DynamoDbException? Execute(string? target, ReadOnlyMemory<byte> body, PooledBuffer output) =>
        Execute(target, new System.Buffers.ReadOnlySequence<byte>(body), output);

    internal DynamoDbException? Execute(string? target, System.Buffers.ReadOnlySequence<byte> body, PooledBuffer output)
    {
        if (target is null || !Operations.TryGet(target, out var handler))
        {
            return WireErrors.UnknownOperation();
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            return WireErrors.Serialization("Malformed JSON request body");
        }
        using (document)
        using (WriteDurability.Scope())
        {
            var writer = t_writer ??= new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
            writer.Reset(output);
            try
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw WireErrors.WrongType(root.ValueKind, WireShape.Structure);
                }
                handler(this, root, writer);
                writer.Flush();
                return null;
            }
            catch (DynamoDbException error)
            {
                writer.Reset(output);
                output.Clear();
                return error;
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                writer.Reset(output);
                output.Clear();
                return new DynamoDbException("InternalServerError", "Internal server error: " + error.Message, System.Net.HttpStatusCode.InternalServerError);
            }
        }
    }
}
