using System.Text.Json.Nodes;

namespace Stelvio.Links;

/// <summary>
/// One IAM grant of a link: <see cref="Actions"/> allowed on <see cref="Resources"/>. Each permission
/// becomes one <c>Allow</c> statement of the function's policy, in link order.
/// </summary>
/// <example>
/// <code>
/// new AwsPermission(["dynamodb:Query", "dynamodb:Scan"], [Deferred.Format($"{orders.Arn}/index/*")])
/// </code>
/// </example>
public sealed class AwsPermission : IEquatable<AwsPermission>
{
    /// <summary>Creates a permission; both lists must be non-empty.</summary>
    public AwsPermission(IEnumerable<string> actions, IEnumerable<LinkValue> resources)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(resources);
        Actions = [.. actions];
        Resources = [.. resources];
        var problem = Check();
        if (problem is not null)
        {
            throw new StelvioConfigException("AwsPermission", null, problem);
        }
    }

    /// <summary>IAM actions such as <c>dynamodb:GetItem</c>, in order.</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>Resource ARNs (or patterns, or <c>*</c>), in order.</summary>
    public IReadOnlyList<LinkValue> Resources { get; }

    /// <summary>The IAM policy statement: <c>{"Effect": "Allow", "Action": [...], "Resource": [...]}</c>.</summary>
    public JsonObject ToStatement() => new()
    {
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray([.. Actions.Select(a => (JsonNode)JsonValue.Create(a))]),
        ["Resource"] = new JsonArray([.. Resources.Select(r => r.ToCloudFormation())]),
    };

    /// <inheritdoc/>
    public bool Equals(AwsPermission? other) =>
        other is not null && Actions.SequenceEqual(other.Actions, StringComparer.Ordinal) && Resources.SequenceEqual(other.Resources);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AwsPermission);

    /// <inheritdoc/>
    public override int GetHashCode() => Actions.Aggregate(Resources.Count, (h, a) => HashCode.Combine(h, a));

    /// <inheritdoc/>
    public override string ToString() => $"{string.Join(", ", Actions)} on {string.Join(", ", Resources)}";

    private string? Check()
    {
        if (Actions.Count == 0)
        {
            return "has no actions. Give at least one IAM action, such as \"dynamodb:GetItem\".";
        }

        foreach (var action in Actions)
        {
            if (string.IsNullOrWhiteSpace(action) || (action != "*" && (action.IndexOf(':', StringComparison.Ordinal) <= 0 || action.EndsWith(':'))))
            {
                return $"the action '{action}' is not an IAM action. Write it as \"service:Action\", such as \"dynamodb:GetItem\" or \"s3:*\".";
            }
        }

        if (Resources.Count == 0)
        {
            return $"grants {string.Join(", ", Actions)} on no resource. Give at least one resource ARN (or \"*\").";
        }

        return Resources.Any(r => r.Literal is { Length: 0 })
            ? "has an empty resource. Give ARNs, patterns such as \"arn:aws:s3:::bucket/*\", or \"*\"."
            : null;
    }
}
