using System.Text.Json.Nodes;

namespace Stelvio.Deploy.Diff;

/// <summary>
/// The permissions a deploy adds: IAM policy statements (in roles, policies and managed policies), trust
/// policies, managed policy attachments and Lambda invoke permissions that the new template has and the
/// deployed one does not. Any of them means the deploy widens permissions.
/// </summary>
internal static class PermissionDiff
{
    /// <summary>The grants in <paramref name="proposed"/> that <paramref name="deployed"/> (null: no stack yet) lacks, by resource.</summary>
    public static IReadOnlyList<PermissionGrant> Added(JsonObject? deployed, JsonObject proposed)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var before = Grants(deployed).Select(g => g.Identity).ToHashSet(StringComparer.Ordinal);
        return Grants(proposed).Where(g => !before.Contains(g.Identity)).ToList();
    }

    /// <summary>Every grant a template makes.</summary>
    public static IEnumerable<PermissionGrant> Grants(JsonObject? template)
    {
        if (template?["Resources"] is not JsonObject resources)
        {
            yield break;
        }

        foreach (var (id, node) in resources)
        {
            var type = node?["Type"]?.GetValue<string>() ?? "";
            var properties = node?["Properties"] as JsonObject ?? [];
            switch (type)
            {
                case "AWS::IAM::Role":
                    foreach (var grant in Statements(id, "trust", properties["AssumeRolePolicyDocument"]))
                    {
                        yield return grant;
                    }

                    foreach (var policy in properties["Policies"] as JsonArray ?? [])
                    {
                        foreach (var grant in Statements(id, Text(policy?["PolicyName"]), policy?["PolicyDocument"]))
                        {
                            yield return grant;
                        }
                    }

                    foreach (var arn in properties["ManagedPolicyArns"] as JsonArray ?? [])
                    {
                        yield return new PermissionGrant(id, "managed policy", "Allow", [Text(arn)], [], null);
                    }

                    break;
                case "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" or "AWS::IAM::RolePolicy":
                    foreach (var grant in Statements(id, Text(properties["PolicyName"] ?? properties["ManagedPolicyName"]), properties["PolicyDocument"]))
                    {
                        yield return grant;
                    }

                    break;
                case "AWS::Lambda::Permission":
                    yield return new PermissionGrant(id, "invoke", "Allow", [Text(properties["Action"])], [Text(properties["FunctionName"])], Text(properties["Principal"]) + (properties["SourceArn"] is { } source ? " from " + Text(source) : ""));
                    break;
            }
        }
    }

    private static IEnumerable<PermissionGrant> Statements(string resource, string policy, JsonNode? document)
    {
        var statements = document?["Statement"] switch
        {
            JsonArray array => array.ToList(),
            JsonObject single => [single],
            _ => [],
        };
        foreach (var statement in statements)
        {
            var principal = statement?["Principal"] is { } p ? Text(p) : null;
            yield return new PermissionGrant(
                resource,
                policy,
                Text(statement?["Effect"]),
                List(statement?["Action"] ?? statement?["NotAction"]),
                List(statement?["Resource"] ?? statement?["NotResource"]),
                principal,
                statement?["Condition"]?.ToJsonString());
        }
    }

    private static List<string> List(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(Text).Order(StringComparer.Ordinal).ToList(),
        null => [],
        _ => [Text(node)],
    };

    /// <summary>A short form of a value: strings as they are, <c>Ref</c> and <c>GetAtt</c> as <c>Name</c> and <c>Name.Attribute</c>, <c>Fn::Sub</c> as its format.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonObject o when o["Ref"] is JsonValue r => r.ToString(),
        JsonObject o when o["Fn::GetAtt"] is JsonArray { Count: 2 } a => $"{a[0]}.{a[1]}",
        JsonObject o when o["Fn::Sub"] is JsonValue s => s.ToString(),
        JsonObject o when o["Service"] is { } service => "service " + string.Join(", ", List(service)),
        JsonObject o when o["AWS"] is { } aws => string.Join(", ", List(aws)),
        _ => node.ToJsonString(),
    };
}

/// <summary>One statement of a policy: who may do what on which resources.</summary>
/// <param name="Resource">The logical ID of the role, policy or permission that holds it.</param>
/// <param name="Policy">The policy's name, <c>trust</c>, <c>managed policy</c> or <c>invoke</c>.</param>
/// <param name="Effect"><c>Allow</c> or <c>Deny</c>.</param>
/// <param name="Actions">The actions (sorted).</param>
/// <param name="Targets">The resources the actions apply to (sorted), in short form.</param>
/// <param name="Principal">Who, for trust policies and invoke permissions.</param>
/// <param name="Condition">The statement's condition as JSON, if any.</param>
internal sealed record PermissionGrant(string Resource, string Policy, string Effect, IReadOnlyList<string> Actions, IReadOnlyList<string> Targets, string? Principal, string? Condition = null)
{
    /// <summary>What makes two grants the same.</summary>
    public string Identity => $"{Resource}|{Policy}|{Effect}|{string.Join(',', Actions)}|{string.Join(',', Targets)}|{Principal}|{Condition}";

    /// <summary>Whether the grant gives rather than takes away.</summary>
    public bool Widens => Effect == "Allow";

    public override string ToString() => Policy == "managed policy"
        ? $"{Resource}: attaches managed policy {string.Join(", ", Actions)}"
        : $"{Resource}: {Effect} {string.Join(", ", Actions)}"
        + (Targets.Count > 0 ? " on " + string.Join(", ", Targets) : "")
        + (Principal is null ? "" : " to " + Principal)
        + (Condition is null ? "" : " when " + Condition);
}
