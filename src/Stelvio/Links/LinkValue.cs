using System.Text.Json.Nodes;
using Stelvio.CloudFormation;

namespace Stelvio.Links;

/// <summary>
/// A string for a link property, an environment variable or a permission's resource: either known now
/// (<c>"https://example.com"</c>) or known only after deployment (<c>orders.Arn</c>). Both convert implicitly,
/// so call sites stay literal: <c>["TABLE"] = orders.Name</c>, <c>["MODE"] = "strict"</c>.
/// </summary>
public readonly record struct LinkValue
{
    private readonly CfnExpression? expression;

    private LinkValue(CfnExpression expression) => this.expression = expression;

    /// <summary>The value as a CloudFormation expression (a literal for plain strings).</summary>
    public CfnExpression Expression => expression ?? new LiteralExpression("");

    /// <summary>The plain text, or null when the value is deferred.</summary>
    public string? Literal => Expression is LiteralExpression literal ? literal.Value : null;

    public static implicit operator LinkValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new LiteralExpression(value));
    }

    public static implicit operator LinkValue(Deferred<string> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value.Expression);
    }

    /// <summary>A value from any CloudFormation expression.</summary>
    public static LinkValue From(CfnExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new(expression);
    }

    /// <summary>The template form: a string, <c>Ref</c>, <c>Fn::GetAtt</c> or <c>Fn::Sub</c>.</summary>
    public JsonNode ToCloudFormation() => Expression.ToJson();

    /// <summary>The concrete value, given a resolver of the resources' values.</summary>
    public string Resolve(IDeferredResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return Expression.Resolve(resolver);
    }

    public override string ToString() => Literal ?? Expression.ToJson().ToJsonString();
}
