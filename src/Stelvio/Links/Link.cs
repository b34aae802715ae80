namespace Stelvio.Links;

/// <summary>
/// What linking gives a function: a name, settings (<see cref="Properties"/>, passed as environment
/// variables named by <see cref="LinkEnvironment"/>) and IAM grants (<see cref="Permissions"/>, one policy
/// statement each). A link is immutable: the customisation methods return new links.
/// </summary>
/// <example>
/// <code>
/// // A custom link: any name, settings and grants.
/// var payments = new Link("payments",
///     new Dictionary&lt;string, LinkValue&gt; { ["url"] = "https://payments.example.com" },
///     [new AwsPermission(["execute-api:Invoke"], ["arn:aws:execute-api:eu-west-1:123456789012:abc123/*"])]);
///
/// // A table's default link, made read-only and without its ARN setting.
/// var readOrders = orders.Link()
///     .WithPermissions(new AwsPermission(DynamoActions.ReadOnly, [orders.Arn]))
///     .RemoveProperties("table_arn");
///
/// new Function("report", new() { Handler = "functions/Reports::Reports.Run", Links = [payments, readOrders] });
/// </code>
/// </example>
public sealed class Link : ILinkable, IEquatable<Link>
{
    /// <summary>Creates a link.</summary>
    /// <param name="name">The link's name; it starts the names of its environment variables (<c>STLV_{NAME}_…</c>).</param>
    /// <param name="properties">Settings passed to the function, by name. Default: none.</param>
    /// <param name="permissions">Grants added to the function's policy, in order. Default: none.</param>
    public Link(string name, IEnumerable<KeyValuePair<string, LinkValue>>? properties = null, IEnumerable<AwsPermission>? permissions = null)
        : this(name, properties, permissions, null)
    {
    }

    private Link(string name, IEnumerable<KeyValuePair<string, LinkValue>>? properties, IEnumerable<AwsPermission>? permissions, Component? component)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.Any(char.IsAsciiLetterOrDigit))
        {
            throw new StelvioConfigException($"Link '{name}'", "name", "a link name needs at least one letter or digit: it names the link's environment variables.");
        }

        Name = name;
        Component = component;
        var map = new OrderedDictionary<string, LinkValue>(StringComparer.Ordinal);
        foreach (var (key, value) in properties ?? [])
        {
            CheckPropertyName(name, key);
            map[key] = value;
        }

        Properties = new System.Collections.ObjectModel.ReadOnlyDictionary<string, LinkValue>(map);
        Permissions = (permissions ?? []).Select(p => p ?? throw new StelvioConfigException($"Link '{name}'", "Permissions", "holds a null permission.")).ToArray().AsReadOnly();
    }

    /// <summary>The link's name: the linked component's name, or the name given to a custom link.</summary>
    public string Name { get; }

    /// <summary>Settings passed to the function as environment variables, in order.</summary>
    public IReadOnlyDictionary<string, LinkValue> Properties { get; }

    /// <summary>IAM grants, one policy statement each, in order.</summary>
    public IReadOnlyList<AwsPermission> Permissions { get; }

    /// <summary>The component the link was made for, or null for a custom link.</summary>
    public Component? Component { get; }

    /// <summary>A link made for a component, as its default link or its app's override.</summary>
    public static Link For(Component component, IEnumerable<KeyValuePair<string, LinkValue>>? properties, IEnumerable<AwsPermission>? permissions)
    {
        ArgumentNullException.ThrowIfNull(component);
        return new(component.ComponentName, properties, permissions, component);
    }

    /// <summary>A link is its own link, so custom links go into <c>Links</c> with tables and functions.</summary>
    Link ILinkable.Link() => this;

    /// <summary>Replaces both settings and grants.</summary>
    public Link WithConfig(IEnumerable<KeyValuePair<string, LinkValue>>? properties, IEnumerable<AwsPermission>? permissions) =>
        new(Name, properties, permissions, Component);

    /// <summary>
    /// The same link under another name, which renames its environment variables: two links of the same
    /// name (or whose names give the same variables) cannot go to one function, so rename one of them.
    /// </summary>
    public Link WithName(string name) => new(name, Properties, Permissions, Component);

    /// <summary>Replaces all settings.</summary>
    public Link WithProperties(IEnumerable<KeyValuePair<string, LinkValue>> properties) => new(Name, properties, Permissions, Component);

    /// <summary>Adds settings; a setting that exists already takes the new value.</summary>
    public Link AddProperties(IEnumerable<KeyValuePair<string, LinkValue>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var map = new OrderedDictionary<string, LinkValue>(Properties, StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            map[key] = value;
        }

        return new(Name, map, Permissions, Component);
    }

    /// <summary>Removes settings by name; naming a setting the link does not have is an error.</summary>
    public Link RemoveProperties(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var missing = names.Where(n => !Properties.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
        {
            throw new StelvioConfigException(
                $"Link '{Name}'",
                "RemoveProperties",
                $"the link has no propert{(missing.Length > 1 ? "ies" : "y")} {string.Join(", ", missing.Select(m => $"'{m}'"))}. " +
                (Properties.Count == 0 ? "It has no properties." : $"Its properties are: {string.Join(", ", Properties.Keys)}."));
        }

        return new(Name, Properties.Where(p => !names.Contains(p.Key, StringComparer.Ordinal)), Permissions, Component);
    }

    /// <summary>Replaces all grants.</summary>
    public Link WithPermissions(params AwsPermission[] permissions) => new(Name, Properties, permissions, Component);

    /// <summary>Adds grants after the existing ones.</summary>
    public Link AddPermissions(params AwsPermission[] permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return new(Name, Properties, Permissions.Concat(permissions), Component);
    }

    /// <summary>The same link, made for <paramref name="component"/>.</summary>
    internal Link WithComponent(Component component) => new(Name, Properties, Permissions, component);

    /// <summary>Links are equal when name, component, properties (in order) and permissions (in order) are.</summary>
    public bool Equals(Link? other) =>
        other is not null &&
        Name == other.Name &&
        Component == other.Component &&
        Properties.SequenceEqual(other.Properties) &&
        Permissions.SequenceEqual(other.Permissions);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Link);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Component, Properties.Count, Permissions.Count);

    /// <inheritdoc/>
    public override string ToString() => $"Link '{Name}' ({Properties.Count} properties, {Permissions.Count} permissions)";

    private static void CheckPropertyName(string link, string key)
    {
        if (key is null || !key.Any(char.IsAsciiLetterOrDigit))
        {
            throw new StelvioConfigException($"Link '{link}'", "Properties", $"the property name '{key}' needs at least one letter or digit: it names an environment variable.");
        }
    }
}
