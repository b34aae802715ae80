using System.Collections;
using Stelvio.Configuration;

namespace Stelvio.Aws.DynamoDB;

/// <summary>
/// Reads the guide's dictionary form of an index (<c>{"sort_key": "status", "projections": ["total"]}</c>) with the
/// shared reader (<see cref="ConfigDictionary"/>): keys in any case style, <c>projection</c> for <c>projections</c>.
/// </summary>
internal static class IndexDictionary
{
    private static readonly string[] LocalKeys = ["sort_key", "projections"];
    private static readonly string[] GlobalKeys = ["partition_key", "sort_key", "projections", "read_capacity", "write_capacity"];
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["projection"] = "projections" };

    public static (string? SortKey, string? PartitionKey, Projection? Projection, int? Read, int? Write)? Read(
        ConfigErrors errors, string property, IReadOnlyDictionary<string, object?>? source, bool local)
    {
        if (source is null)
        {
            return null;
        }

        string? sortKey = null;
        string? partitionKey = null;
        Projection? projection = null;
        int? read = null;
        int? write = null;
        var settingsOf = local ? "a local index" : "a global index";
        foreach (var entry in ConfigDictionary.Entries(errors, property, source, settingsOf, local ? LocalKeys : GlobalKeys, Aliases))
        {
            switch (entry.Key)
            {
                case "sort_key":
                    sortKey = entry.String("a field name");
                    break;
                case "partition_key":
                    partitionKey = entry.String("a field name");
                    break;
                case "projections":
                    projection = ReadProjection(entry);
                    break;
                case "read_capacity":
                    read = entry.Int();
                    break;
                case "write_capacity":
                    write = entry.Int();
                    break;
            }
        }

        return (sortKey, partitionKey, projection, read, write);
    }

    private static Projection? ReadProjection(ConfigEntry entry)
    {
        switch (entry.Value)
        {
            case Projection projection:
                return projection;
            case ProjectionType type:
                return type;
            case string text:
                return text;
            case IEnumerable sequence:
                var names = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is string name)
                    {
                        names.Add(name);
                    }
                    else
                    {
                        entry.Fail($"must list attribute names (strings); it holds {ConfigDictionary.Describe(item)}.");
                        return null;
                    }
                }

                return Projection.Include(names);
            default:
                entry.Fail($"must be \"keys-only\", \"all\" or a list of attribute names, not {ConfigDictionary.Describe(entry.Value)}.");
                return null;
        }
    }
}
