namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>
/// Observes the table catalog: persistence saves definitions, streams open and close streams. Called under the
/// catalog's lock, in order, before the operation is acknowledged.
/// </summary>
internal interface ICatalogListener
{
    void OnTableCreated(TableDefinition table);

    /// <summary>A definition changed (UpdateTable, TTL, tags, backups…): <paramref name="previous"/> was replaced.</summary>
    void OnTableUpdated(TableDefinition previous, TableDefinition current);

    void OnTableDeleted(TableDefinition table);
}
