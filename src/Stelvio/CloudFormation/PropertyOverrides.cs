using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation;

/// <summary>
/// The escape hatch: raw CloudFormation properties set or removed on a synthesized resource after
/// Stelvio has written its own, addressed by a dotted path (<c>SSESpecification.SSEEnabled</c>).
/// </summary>
public sealed class PropertyOverrides
{
    private readonly List<(string Path, object? Value, bool Remove)> overrides = [];

    public bool IsEmpty => overrides.Count == 0;

    /// <summary>Sets the property at <paramref name="path"/>, creating objects on the way.</summary>
    public void Set(string path, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        overrides.Add((path, value, false));
    }

    /// <summary>Removes the property at <paramref name="path"/> if it is there.</summary>
    public void Remove(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        overrides.Add((path, null, true));
    }

    internal void ApplyTo(CfnResource resource)
    {
        foreach (var (path, value, remove) in overrides)
        {
            var segments = path.Split('.');
            var target = resource.Properties;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (target[segments[i]] is not JsonObject next)
                {
                    if (remove)
                    {
                        target = null;
                        break;
                    }

                    next = new JsonObject();
                    target[segments[i]] = next;
                }

                target = next;
            }

            if (target is null)
            {
                continue;
            }

            if (remove)
            {
                target.Remove(segments[^1]);
            }
            else
            {
                target[segments[^1]] = CfnValue.From(value, resource.Component ?? resource.LogicalId, $"override '{path}'");
            }
        }
    }
}
