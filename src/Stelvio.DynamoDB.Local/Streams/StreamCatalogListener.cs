using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// Opens and closes streams as the catalog changes: a table created or updated with a stream specification gets
/// a new stream (with the label and ARN its definition shows), disabling the stream or deleting the table
/// disables it (its records stay readable for 24 hours).
/// </summary>
internal sealed class StreamCatalogListener(StreamStore store) : ICatalogListener
{
    public void OnTableCreated(TableDefinition table)
    {
        if (table.Stream is not null)
        {
            Enable(table);
        }
    }

    public void OnTableUpdated(TableDefinition previous, TableDefinition current)
    {
        if ((previous.Stream is null) == (current.Stream is null) && previous.LatestStreamArn == current.LatestStreamArn)
        {
            return;
        }
        if (previous.Stream is not null)
        {
            store.Disable(current.Name);
        }
        if (current.Stream is not null)
        {
            Enable(current);
        }
    }

    public void OnTableDeleted(TableDefinition table) => store.Disable(table.Name);

    private void Enable(TableDefinition table)
    {
        var key = table.Key;
        List<StreamKeyElement> keySchema = [new(key.HashName, "HASH")];
        if (key.RangeName is not null)
        {
            keySchema.Add(new StreamKeyElement(key.RangeName, "RANGE"));
        }
        store.Enable(
            table.Name,
            table.LatestStreamArn ?? throw new InvalidOperationException($"Table {table.Name} has a stream specification but no LatestStreamArn."),
            table.LatestStreamLabel!,
            Enum.Parse<StreamViewType>(table.Stream!.ViewType),
            keySchema);
    }
}
