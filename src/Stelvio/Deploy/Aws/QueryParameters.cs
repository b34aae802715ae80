using System.Collections;
using System.Text;

namespace Stelvio.Deploy.Aws;

/// <summary>
/// The parameters of one AWS Query API request, in the order added, serialised as the form body
/// <c>Action=...&amp;Version=...&amp;Name=value</c>. Lists are written <c>Name.member.1</c>, <c>Name.member.2</c>;
/// lists of structures <c>Tags.member.1.Key</c>, <c>Tags.member.1.Value</c>.
/// </summary>
internal sealed class QueryParameters : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> parameters = [];

    /// <summary>Adds a parameter; a null value is left out.</summary>
    public QueryParameters Add(string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new(name, value));
        }

        return this;
    }

    /// <summary>Whether a parameter of that name was added.</summary>
    public bool Contains(string name) => parameters.Exists(p => p.Key == name);

    /// <summary>Adds a list of strings as <c>name.member.N</c> (N from 1).</summary>
    public QueryParameters AddList(string name, IEnumerable<string> values)
    {
        var index = 1;
        foreach (var value in values)
        {
            parameters.Add(new($"{name}.member.{index++}", value));
        }

        return this;
    }

    /// <summary>Adds a list of structures as <c>name.member.N.Field</c> (N from 1).</summary>
    public QueryParameters AddStructures(string name, IEnumerable<IEnumerable<KeyValuePair<string, string>>> structures)
    {
        var index = 1;
        foreach (var structure in structures)
        {
            foreach (var (field, value) in structure)
            {
                parameters.Add(new($"{name}.member.{index}.{field}", value));
            }

            index++;
        }

        return this;
    }

    /// <summary>Adds a list of tags as <c>name.member.N.Key</c> and <c>name.member.N.Value</c>.</summary>
    public QueryParameters AddTags(string name, IEnumerable<KeyValuePair<string, string>> tags) =>
        AddStructures(name, tags.Select(t => new[] { new KeyValuePair<string, string>("Key", t.Key), new("Value", t.Value) }));

    /// <summary>The form body: the action and version first, then the parameters, each percent-encoded.</summary>
    public string ToFormBody(string action, string version)
    {
        var body = new StringBuilder();
        body.Append("Action=").Append(SigV4.UriEncode(action)).Append("&Version=").Append(SigV4.UriEncode(version));
        foreach (var (name, value) in parameters)
        {
            body.Append('&').Append(SigV4.UriEncode(name)).Append('=').Append(SigV4.UriEncode(value));
        }

        return body.ToString();
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => parameters.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
