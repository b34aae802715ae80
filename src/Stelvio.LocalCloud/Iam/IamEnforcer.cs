using Stelvio.LocalCloud.Iam.Policies;
using Stelvio.LocalCloud.Iam.Requests;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Iam;

/// <summary>
/// IAM, enforced locally: each function of <see cref="App"/> gets its own credentials (<see cref="CredentialsFor"/>),
/// and every call made with them is checked against the policies of that function's role, as AWS would check it
/// (<see cref="PolicyEvaluator"/>). Calls with any other credentials are not checked. What cannot be evaluated locally
/// (condition keys and operators, unknown managed policies, policy variables, roles outside the template) is listed
/// once in <see cref="NotEvaluated"/>.
/// </summary>
internal sealed class IamEnforcer
{
    private readonly Dictionary<string, FunctionIdentity> _byAccessKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionIdentity> _byFunction = new(StringComparer.Ordinal);
    private readonly List<string> _notEvaluated = [];

    public IamEnforcer(LocalApp app, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        App = app;
        Time = timeProvider ?? TimeProvider.System;
        var statementsByRole = new Dictionary<string, IReadOnlyList<PolicyStatement>>(StringComparer.Ordinal);
        foreach (var role in app.Roles)
        {
            statementsByRole[role.Arn] = Statements(role);
        }
        foreach (var function in app.Functions)
        {
            var statements = statementsByRole.GetValueOrDefault(function.RoleArn);
            if (statements is null)
            {
                _notEvaluated.Add($"{function.LogicalId}: its role {function.RoleArn} is not declared in the template; the function's calls are not checked locally.");
            }
            var identity = new FunctionIdentity(function, CredentialGenerator.Create(), RoleName(function.RoleArn), statements);
            _byAccessKey[identity.Credentials.AccessKeyId] = identity;
            _byFunction[function.Name] = identity;
        }
    }

    /// <summary>The app whose policies are enforced.</summary>
    public LocalApp App { get; }

    /// <summary>The clock signatures are checked against.</summary>
    public TimeProvider Time { get; }

    /// <summary>What is not evaluated locally, once each, for the start-up display.</summary>
    public IReadOnlyList<string> NotEvaluated => _notEvaluated;

    /// <summary>The credentials <paramref name="function"/> runs with (its <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>).</summary>
    public FunctionCredentials CredentialsFor(LocalFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return _byFunction.TryGetValue(function.Name, out var identity)
            ? identity.Credentials
            : throw new ArgumentException($"The function '{function.Name}' is not part of the app the IAM enforcer was created for.", nameof(function));
    }

    /// <summary>The function whose access key is <paramref name="accessKeyId"/>, or null for any other key.</summary>
    public FunctionIdentity? Identify(string accessKeyId) => _byAccessKey.GetValueOrDefault(accessKeyId);

    /// <summary>Null when <paramref name="function"/>'s policies allow every one of <paramref name="accesses"/>; else the first refused.</summary>
    public AccessDenial? Authorize(FunctionIdentity function, IReadOnlyList<RequestedAccess> accesses)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(accesses);
        if (function.Statements is null)
        {
            return null;
        }
        var context = new RequestContext()
            .With("aws:RequestedRegion", App.Region)
            .With("aws:PrincipalArn", function.Function.RoleArn)
            .With("aws:PrincipalAccount", App.AccountId)
            .With("aws:PrincipalType", "AssumedRole");
        var now = Time.GetUtcNow();
        context = context
            .With("aws:CurrentTime", now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))
            .With("aws:EpochTime", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var access in accesses)
        {
            var accessContext = access.EnclosingOperation is { } enclosing ? context.With("dynamodb:EnclosingOperation", enclosing) : context;
            if (access.LeadingKeysUnknown)
            {
                accessContext = accessContext.WithUnknown("dynamodb:LeadingKeys");
            }
            else if (access.LeadingKeys is { } keys)
            {
                accessContext = accessContext.With("dynamodb:LeadingKeys", keys);
            }
            var decision = PolicyEvaluator.Evaluate(function.Statements, access.Action, access.Resource, accessContext);
            if (decision.Kind != PolicyDecisionKind.Allowed)
            {
                return AccessDenial.Create(function.SessionArn(App.AccountId), access.Action, access.Resource, decision.Kind == PolicyDecisionKind.ExplicitDeny);
            }
        }
        return null;
    }

    private List<PolicyStatement> Statements(LocalRole role)
    {
        var statements = new List<PolicyStatement>();
        foreach (var policy in role.Policies)
        {
            statements.AddRange(PolicyParser.Parse(policy.Document, $"{role.LogicalId} policy {policy.Name}", _notEvaluated));
        }
        foreach (var arn in role.ManagedPolicyArns)
        {
            if (ManagedPolicies.Find(arn) is { } document)
            {
                statements.AddRange(PolicyParser.Parse(document, $"{role.LogicalId} managed policy {arn}", _notEvaluated));
            }
            else
            {
                _notEvaluated.Add($"{role.LogicalId}: the managed policy {arn} is not known locally; its permissions are not granted.");
            }
        }
        foreach (var statement in statements)
        {
            foreach (var clause in statement.Conditions.Where(c => !ConditionEvaluator.CanEvaluate(c)))
            {
                var treatment = statement.Effect == PolicyEffect.Allow ? "the Allow applies as if it held" : "the Deny applies as if it did not hold";
                _notEvaluated.Add($"{statement.Origin}: the condition {clause.Operator} on {clause.Key} is not evaluated locally; {treatment}.");
            }
        }
        return statements;
    }

    private static string RoleName(string roleArn)
    {
        var slash = roleArn.LastIndexOf('/');
        return slash >= 0 ? roleArn[(slash + 1)..] : roleArn;
    }
}
