using Stelvio.Links;

namespace Stelvio.Aws.Lambda;

/// <summary>A function as a link target, and what its own links give it: policy statements, environment variables.</summary>
public sealed partial class Function
{
    /// <summary>
    /// The link functions get when linked to this one: <c>lambda:InvokeFunction</c> on its ARN, and its
    /// <c>function_name</c> and <c>function_arn</c>.
    /// </summary>
    public Link DefaultLink() => global::Stelvio.Links.Link.For(
        this,
        [new("function_name", Name), new("function_arn", Arn)],
        [new AwsPermission(["lambda:InvokeFunction"], [Arn])]);

    /// <summary>The link linking gives: the app's override for functions (<see cref="StelvioApp.OverrideLink{T}"/>), else <see cref="DefaultLink"/>.</summary>
    public Link Link() => App.LinkFor(this, DefaultLink);

    /// <summary>
    /// The function's environment, sorted by name: its links' properties (<see cref="LinkEnvironment"/>), then
    /// its own <see cref="FunctionConfig.Environment"/>, which wins.
    /// </summary>
    internal SortedDictionary<string, LinkValue> Environment()
    {
        var variables = new SortedDictionary<string, LinkValue>(StringComparer.Ordinal);
        foreach (var (name, value) in LinkVariables(resolvedLinks, (_, _) => { }))
        {
            variables[name] = value.Value;
        }

        foreach (var (name, value) in Declared.Environment)
        {
            variables[name] = value;
        }

        return variables;
    }

    /// <summary>The variables of <paramref name="links"/>, reporting two that map to one name.</summary>
    internal static Dictionary<string, (LinkValue Value, string Link, string Property)> LinkVariables(IReadOnlyList<Link> links, Action<string, string> report)
    {
        var variables = new Dictionary<string, (LinkValue Value, string Link, string Property)>(StringComparer.Ordinal);
        var seen = new Dictionary<object, string>();
        foreach (var link in links)
        {
            if (link.Component is { } component && !seen.TryAdd(component, link.Name))
            {
                report("Links", $"{component.Display} is linked twice. List each component once.");
                continue;
            }

            foreach (var (property, value) in link.Properties)
            {
                var name = LinkEnvironment.VariableName(link.Name, property);
                if (variables.TryGetValue(name, out var existing))
                {
                    report("Links", $"the links '{existing.Link}' and '{link.Name}' both set {name} (from their properties '{existing.Property}' and '{property}'). " +
                        "Rename one link (link.WithName(\"…\")) or remove the property from one (RemoveProperties).");
                    continue;
                }

                variables[name] = (value, link.Name, property);
            }
        }

        return variables;
    }

    private List<Link> ResolveLinks(List<ConfigError> errors)
    {
        var links = new List<Link>();
        foreach (var linkable in Declared.Links)
        {
            try
            {
                links.Add(linkable.Link());
            }
            catch (StelvioConfigException exception)
            {
                errors.AddRange(exception.Errors);
            }
        }

        return links;
    }

    private void CheckCycle(List<ConfigError> errors)
    {
        // Linking functions both ways makes each one's environment and policy refer to the other's ARN.
        var path = new List<Function> { this };
        if (FindPathBack(this, path, []) && path.Select(f => f.ComponentName).Min(StringComparer.Ordinal) == ComponentName)
        {
            errors.Add(new ConfigError(Display, "Links", $"the functions link each other in a cycle ({string.Join(" → ", path.Select(f => f.ComponentName))} → {ComponentName}); " +
                "each would need the other's ARN before it exists, so CloudFormation cannot create them. Break the cycle, for example by passing a name through Environment."));
        }
    }

    private bool FindPathBack(Function current, List<Function> path, HashSet<Function> visited)
    {
        foreach (var next in current.Declared.Links.Select(LinkedFunction).OfType<Function>())
        {
            if (next == this && path.Count > 1)
            {
                return true;
            }

            if (next != this && visited.Add(next))
            {
                path.Add(next);
                if (FindPathBack(next, path, visited))
                {
                    return true;
                }

                path.RemoveAt(path.Count - 1);
            }
        }

        return false;
    }

    private static Function? LinkedFunction(ILinkable linkable) => linkable switch
    {
        Function function => function,
        Link { Component: Function function } => function,
        _ => LinkedComponent(linkable) as Function,
    };

    /// <summary>The component behind any other linkable (one that makes its link when asked); an error making it is reported by <see cref="ResolveLinks"/>.</summary>
    private static Component? LinkedComponent(ILinkable linkable)
    {
        try
        {
            return linkable.Link()?.Component;
        }
        catch (StelvioConfigException)
        {
            return null;
        }
    }
}
