using System.Text.Json.Nodes;
using Stelvio.CloudFormation;

namespace Stelvio;

/// <summary>
/// A value known only after deployment, such as a table's ARN. It has two faces: the CloudFormation
/// expression written into the template (<see cref="ToCloudFormation"/>) and the concrete value a
/// resolver gives for it (<see cref="Resolve"/>), such as the estimate synth uses to check size quotas.
/// </summary>
/// <example>
/// <code>
/// var indexArn = Deferred.Format($"{orders.Arn}/index/*"); // {"Fn::Sub": "${OrdersTable.Arn}/index/*"}
/// </code>
/// </example>
public sealed class Deferred<T>
{
    private readonly Func<string, T> convert;
    private readonly (string Component, string Property)? owner;

    internal Deferred(CfnExpression expression, Func<string, T> convert, (string Component, string Property)? owner = null)
    {
        Expression = expression;
        this.convert = convert;
        this.owner = owner;
    }

    /// <summary>The expression behind the value.</summary>
    internal CfnExpression Expression { get; }

    /// <summary>The template form: <c>Ref</c>, <c>Fn::GetAtt</c> or <c>Fn::Sub</c>.</summary>
    public JsonNode ToCloudFormation() => Expression.ToJson();

    /// <summary>The concrete value, given the resolver of a deployed stack or of the local cloud.</summary>
    internal T Resolve(IDeferredResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return convert(Expression.Resolve(resolver));
    }

    /// <summary>
    /// Always throws a <see cref="StelvioConfigException"/> naming the component the value belongs to: a deferred
    /// value has no text until the stack exists.
    /// </summary>
    public override string ToString() => throw new StelvioConfigException(
        owner?.Component ?? "App",
        owner?.Property,
        $"a deferred value ({Expression.ToJson().ToJsonString()}) is used as text, but it has no text before deployment. " +
        "To combine it with text use Deferred.Format($\"...{value}...\"), which renders as Fn::Sub; " +
        "to read it in a handler, link the resource and read its setting from the environment; " +
        "to get the value of a running stack call Resolve(resolver).");

    /// <summary>The same value, known to be <paramref name="property"/> of <paramref name="component"/> (for messages).</summary>
    internal Deferred<T> Of(string component, string property) => new(Expression, convert, (component, property));
}

/// <summary>Builds deferred values.</summary>
public static class Deferred
{
    /// <summary>A deferred string from a <c>Ref</c> to a resource.</summary>
    public static Deferred<string> Ref(string logicalId) => new(new RefExpression(logicalId), s => s);

    /// <summary>A deferred string from a resource attribute (<c>Fn::GetAtt</c>).</summary>
    public static Deferred<string> GetAtt(string logicalId, string attribute) => new(new GetAttExpression(logicalId, attribute), s => s);

    /// <summary>A value that is known now, in deferred form.</summary>
    public static Deferred<string> Literal(string value) => new(new LiteralExpression(value), s => s);

    /// <summary>
    /// Interpolates deferred values and plain values into one deferred string, rendered as <c>Fn::Sub</c>.
    /// Plain values are formatted with the invariant culture; a deferred value takes no alignment or format.
    /// </summary>
    public static Deferred<string> Format(FormattableString format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var parts = new List<CfnExpression>();
        var text = format.Format;
        var args = format.GetArguments();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var end = text.IndexOf('}', i);
                var hole = text[(i + 1)..end];
                var colon = hole.IndexOfAny([':', ',']);
                var index = int.Parse(colon < 0 ? hole : hole[..colon], System.Globalization.CultureInfo.InvariantCulture);
                var arg = args[index];
                if (colon >= 0 && arg is Deferred<string> or CfnExpression)
                {
                    throw new ArgumentException(
                        $"'{{{hole}}}' gives a format or alignment to a deferred value, which has no text until deployment. Remove '{hole[colon..]}'.",
                        nameof(format));
                }

                if (arg is Deferred<string> deferred)
                {
                    Flush();
                    parts.Add(deferred.Expression);
                }
                else if (arg is CfnExpression expression)
                {
                    Flush();
                    parts.Add(expression);
                }
                else
                {
                    literal.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{" + "0" + hole[(colon < 0 ? hole.Length : colon)..] + "}", arg));
                }

                i = end;
            }
            else
            {
                literal.Append(c);
            }
        }

        Flush();
        CfnExpression result = parts.Count switch
        {
            0 => new LiteralExpression(""),
            1 => parts[0],
            _ => new SubExpression(parts),
        };
        return new Deferred<string>(result, s => s);

        void Flush()
        {
            if (literal.Length > 0)
            {
                parts.Add(new LiteralExpression(literal.ToString()));
                literal.Clear();
            }
        }
    }
}
