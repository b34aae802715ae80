using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>Holds the locks of several tables, taken in name order (so two transactions never deadlock).</summary>
internal readonly struct TableLocks : IDisposable
{
    private readonly List<Table> _tables;

    public TableLocks(IEnumerable<Table> tables)
    {
        _tables = [.. tables.Distinct()];
        _tables.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var taken = 0;
        try
        {
            foreach (var table in _tables)
            {
                Monitor.Enter(table.Sync);
                taken++;
                table.EnsureLiveLocked();
            }
        }
        catch
        {
            for (var i = taken - 1; i >= 0; i--)
            {
                Monitor.Exit(_tables[i].Sync);
            }
            throw;
        }
    }

    public void Dispose()
    {
        for (var i = _tables.Count - 1; i >= 0; i--)
        {
            Monitor.Exit(_tables[i].Sync);
        }
    }
}
