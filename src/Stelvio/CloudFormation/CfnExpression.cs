using System.Text;
using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation;

/// <summary>
/// A value that CloudFormation computes during deployment, kept as data: it renders as an intrinsic
/// function (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c>) for the template, and resolves to a concrete
/// string given an <see cref="IDeferredResolver"/> (such as the estimate synth uses to check size quotas).
/// </summary>
internal abstract record CfnExpression
{
    /// <summary>The template form of this value.</summary>
    public abstract JsonNode ToJson();

    /// <summary>The concrete value, once the resources it refers to exist.</summary>
    public abstract string Resolve(IDeferredResolver resolver);

    /// <summary>Appends this value to an <c>Fn::Sub</c> format string.</summary>
    internal abstract void AppendSub(StringBuilder format);

    /// <summary>The logical IDs of the resources this value depends on.</summary>
    public abstract IEnumerable<string> References { get; }
}

/// <summary><c>{"Ref": "LogicalId"}</c>; also pseudo parameters such as <c>AWS::Region</c>.</summary>
internal sealed record RefExpression(string LogicalId) : CfnExpression
{
    public override JsonNode ToJson() => new JsonObject { ["Ref"] = LogicalId };

    public override string Resolve(IDeferredResolver resolver) => resolver.ResolveRef(LogicalId);

    internal override void AppendSub(StringBuilder format) => format.Append("${").Append(LogicalId).Append('}');

    public override IEnumerable<string> References => LogicalId.StartsWith("AWS::", StringComparison.Ordinal) ? [] : [LogicalId];
}

/// <summary><c>{"Fn::GetAtt": ["LogicalId", "Attribute"]}</c>.</summary>
internal sealed record GetAttExpression(string LogicalId, string Attribute) : CfnExpression
{
    public override JsonNode ToJson() => new JsonObject { ["Fn::GetAtt"] = new JsonArray(LogicalId, Attribute) };

    public override string Resolve(IDeferredResolver resolver) => resolver.ResolveAttribute(LogicalId, Attribute);

    internal override void AppendSub(StringBuilder format) => format.Append("${").Append(LogicalId).Append('.').Append(Attribute).Append('}');

    public override IEnumerable<string> References => [LogicalId];
}

/// <summary>A plain string.</summary>
internal sealed record LiteralExpression(string Value) : CfnExpression
{
    public override JsonNode ToJson() => JsonValue.Create(Value);

    public override string Resolve(IDeferredResolver resolver) => Value;

    // "${" in literal text must be written "${!" so that Fn::Sub leaves it alone.
    internal override void AppendSub(StringBuilder format) => format.Append(Value.Replace("${", "${!", StringComparison.Ordinal));

    public override IEnumerable<string> References => [];
}

/// <summary>A concatenation of parts, rendered as one <c>Fn::Sub</c> string.</summary>
internal sealed record SubExpression(IReadOnlyList<CfnExpression> Parts) : CfnExpression
{
    public override JsonNode ToJson()
    {
        var format = new StringBuilder();
        foreach (var part in Parts)
        {
            part.AppendSub(format);
        }

        return new JsonObject { ["Fn::Sub"] = format.ToString() };
    }

    public override string Resolve(IDeferredResolver resolver) => string.Concat(Parts.Select(p => p.Resolve(resolver)));

    internal override void AppendSub(StringBuilder format)
    {
        foreach (var part in Parts)
        {
            part.AppendSub(format);
        }
    }

    public override IEnumerable<string> References => Parts.SelectMany(p => p.References).Distinct();

    public bool Equals(SubExpression? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => Parts.Aggregate(0, (h, p) => HashCode.Combine(h, p));
}

/// <summary>Gives the concrete values behind <see cref="CfnExpression"/>s once resources exist.</summary>
internal interface IDeferredResolver
{
    /// <summary>What <c>Ref</c> returns for the resource (or pseudo parameter such as <c>AWS::Region</c>).</summary>
    string ResolveRef(string logicalId);

    /// <summary>What <c>Fn::GetAtt</c> returns for the resource's attribute.</summary>
    string ResolveAttribute(string logicalId, string attribute);
}
