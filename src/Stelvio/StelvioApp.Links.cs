using Stelvio.Links;

namespace Stelvio;

public sealed partial class StelvioApp
{
    private readonly Dictionary<Type, Func<Component, Link>> linkOverrides = [];
    private readonly HashSet<Component> linking = [];

    /// <summary>
    /// Replaces the default link of every component of type <typeparamref name="T"/> in this app: linking such
    /// a component (<c>Links = [orders]</c>) gives the link <paramref name="create"/> returns for it. The
    /// function receives the component, so it can use its physical name and ARN, and can start from the
    /// default link (<c>DefaultLink()</c>). Returns the app for chaining.
    /// </summary>
    /// <example>
    /// <code>
    /// // Every linked table is read-only in this app, and passes only its name.
    /// app.OverrideLink&lt;DynamoTable&gt;(table => table.ReadOnlyLink().RemoveProperties("table_arn"));
    /// </code>
    /// </example>
    public StelvioApp OverrideLink<T>(Func<T, Link> create)
        where T : Component, ILinkable
    {
        ArgumentNullException.ThrowIfNull(create);
        linkOverrides[typeof(T)] = component => create((T)component);
        return this;
    }

    /// <summary>
    /// The link for <paramref name="component"/>: the app's override for its type when there is one, else
    /// <paramref name="defaultLink"/>.
    /// </summary>
    internal Link LinkFor(Component component, Func<Link> defaultLink)
    {
        Func<Component, Link>? create = null;
        for (var type = component.GetType(); type is not null && create is null; type = type.BaseType)
        {
            linkOverrides.TryGetValue(type, out create);
        }

        if (create is null)
        {
            return defaultLink();
        }

        if (!linking.Add(component))
        {
            throw new StelvioConfigException(
                component.Display,
                "OverrideLink",
                $"the app's link override for {component.Kind} calls Link() on the component it is overriding, which would call the override again. Start from DefaultLink() instead.");
        }

        try
        {
            var link = create(component) ?? throw new StelvioConfigException(component.Display, "OverrideLink", $"the app's link override for {component.Kind} returned null. Return a Link, for example component.DefaultLink().");
            return link.Component == component ? link : link.WithComponent(component);
        }
        finally
        {
            linking.Remove(component);
        }
    }
}
