using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.Deploy.Diff;

/// <summary>What changes between two templates, resource by resource and property by property.</summary>
internal sealed record TemplateDiff(IReadOnlyList<ResourceDiff> Resources, IReadOnlyList<PropertyChange> Outputs)
{
    /// <summary>Whether the templates are equal in resources and outputs.</summary>
    public bool IsEmpty => Resources.Count == 0 && Outputs.Count == 0;

    /// <summary>Compares the deployed template (null when there is no stack) with the new one.</summary>
    public static TemplateDiff Compare(JsonObject? deployed, JsonObject proposed)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var before = Section(deployed, "Resources");
        var after = Section(proposed, "Resources");
        var resources = new List<ResourceDiff>();
        foreach (var (id, node) in after)
        {
            var type = TypeOf(node);
            if (!before.TryGetPropertyValue(id, out var old))
            {
                resources.Add(new ResourceDiff(id, type, DiffKind.Added, []));
            }
            else
            {
                var changes = new List<PropertyChange>();
                Walk("", old, node, changes);
                if (changes.Count > 0)
                {
                    resources.Add(new ResourceDiff(id, type, DiffKind.Modified, changes));
                }
            }
        }

        foreach (var (id, node) in before)
        {
            if (!after.ContainsKey(id))
            {
                resources.Add(new ResourceDiff(id, TypeOf(node), DiffKind.Removed, []));
            }
        }

        var outputs = new List<PropertyChange>();
        Walk("", Section(deployed, "Outputs"), Section(proposed, "Outputs"), outputs);
        return new TemplateDiff(resources, outputs);
    }

    /// <summary>Parses a template body as returned by <c>GetTemplate</c>; null when it is not JSON (a YAML template).</summary>
    public static JsonObject? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Section(JsonObject? template, string name) =>
        template?[name] as JsonObject ?? [];

    private static string TypeOf(JsonNode? resource) => resource?["Type"]?.GetValue<string>() ?? "";

    private static void Walk(string path, JsonNode? before, JsonNode? after, List<PropertyChange> changes)
    {
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        switch (before, after)
        {
            case (JsonObject a, JsonObject b) when !IsIntrinsic(a) && !IsIntrinsic(b):
                foreach (var (key, value) in b)
                {
                    Walk(Join(path, key), a.TryGetPropertyValue(key, out var old) ? old : null, value, changes);
                }

                foreach (var (key, value) in a)
                {
                    if (!b.ContainsKey(key))
                    {
                        changes.Add(new PropertyChange(Join(path, key), value, null));
                    }
                }

                break;
            case (JsonArray a, JsonArray b) when KeyOf(a) is { } key && KeyOf(b) == key:
                var olds = a.ToDictionary(e => e![key]!.ToJsonString(), e => e);
                var news = b.ToDictionary(e => e![key]!.ToJsonString(), e => e);
                foreach (var (id, value) in news)
                {
                    Walk($"{path}[{Label(b.First(e => e![key]!.ToJsonString() == id)![key])}]", olds.GetValueOrDefault(id), value, changes);
                }

                foreach (var (id, value) in olds)
                {
                    if (!news.ContainsKey(id))
                    {
                        changes.Add(new PropertyChange($"{path}[{Label(value![key])}]", value, null));
                    }
                }

                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count && a.All(e => e is JsonObject or JsonArray):
                for (var i = 0; i < a.Count; i++)
                {
                    Walk($"{path}[{i}]", a[i], b[i], changes);
                }

                break;
            default:
                changes.Add(new PropertyChange(path, before, after));
                break;
        }
    }

    /// <summary>The field that identifies the elements of a list of objects (index, attribute, tag, rule names), if any.</summary>
    private static string? KeyOf(JsonArray array)
    {
        if (array.Count == 0 || array.Any(e => e is not JsonObject))
        {
            return null;
        }

        foreach (var key in new[] { "IndexName", "AttributeName", "Key", "PolicyName", "Sid", "Id" })
        {
            var values = array.Select(e => e![key]).ToList();
            if (values.All(v => v is not null) && values.Select(v => v!.ToJsonString()).Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                return key;
            }
        }

        return null;
    }

    private static bool IsIntrinsic(JsonObject node) => node.Count == 1 && node.First().Key is "Ref" or ['F', 'n', ':', ':', ..];

    private static string Label(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}

/// <summary>Whether a resource is new, changed or gone.</summary>
internal enum DiffKind
{
    Added,
    Modified,
    Removed,
}

/// <summary>One resource that differs between the templates.</summary>
/// <param name="LogicalId">The logical ID.</param>
/// <param name="Type">The CloudFormation type.</param>
/// <param name="Kind">Added, modified or removed.</param>
/// <param name="Changes">For a modified resource, each changed value by path (<c>Properties.StreamSpecification.StreamViewType</c>).</param>
internal sealed record ResourceDiff(string LogicalId, string Type, DiffKind Kind, IReadOnlyList<PropertyChange> Changes);

/// <summary>A value that differs: before (null when added) and after (null when removed).</summary>
internal sealed record PropertyChange(string Path, JsonNode? Before, JsonNode? After);
