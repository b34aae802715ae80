using System.Text.Json.Nodes;
using Stelvio.LocalCloud.Iam;
using Stelvio.LocalCloud.Iam.Requests;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.Iam;

public sealed class IamEnforcerTests
{
    private static LocalApp App(JsonObject policy, params string[] managed)
    {
        var role = new LocalRole("Role", "app-role", "arn:aws:iam::000000000000:role/app-role", [new LocalPolicy("RolePolicy", "RolePolicy", policy)], managed);
        LocalFunction Function(string name, string roleArn) =>
            new(name + "Function", name, "arn:aws:lambda:us-east-1:000000000000:function:" + name, "provided.al2023", "bootstrap", 128, TimeSpan.FromSeconds(3), "x86_64", new Dictionary<string, string>(), roleArn, name + ".zip", null);
        return new LocalApp("us-east-1", "000000000000", [], [Function("a", role.Arn), Function("b", role.Arn), Function("c", "arn:aws:iam::000000000000:role/elsewhere")], [role], [], []);
    }

    private static JsonObject Policy(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Each_function_gets_its_own_credentials_in_AWS_format()
    {
        var app = App(Policy("""{"Statement":[]}"""));
        var enforcer = new IamEnforcer(app);
        var a = enforcer.CredentialsFor(app.Functions[0]);
        var b = enforcer.CredentialsFor(app.Functions[1]);
        Assert.Matches("^ASIA[A-Z2-7]{16}$", a.AccessKeyId);
        Assert.Equal(40, a.SecretAccessKey.Length);
        Assert.NotEqual(a.AccessKeyId, b.AccessKeyId);
        Assert.NotEqual(a.SecretAccessKey, b.SecretAccessKey);
        Assert.NotEqual(a.SessionToken, b.SessionToken);
        Assert.Same(app.Functions[1], enforcer.Identify(b.AccessKeyId)!.Function);
        Assert.Null(enforcer.Identify("AKIAIOSFODNN7EXAMPLE"));
        Assert.DoesNotContain(a.SecretAccessKey, a.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_of_another_app_has_no_credentials()
    {
        var enforcer = new IamEnforcer(App(Policy("""{"Statement":[]}""")));
        var stranger = App(Policy("""{"Statement":[]}""")).Functions[0] with { Name = "stranger" };
        var error = Assert.Throws<ArgumentException>(() => enforcer.CredentialsFor(stranger));
        Assert.StartsWith("The function 'stranger' is not part of the app the IAM enforcer was created for.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Denials_carry_the_session_principal_and_the_first_refused_access()
    {
        var app = App(Policy("""{"Statement":[{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*"}]}"""));
        var enforcer = new IamEnforcer(app);
        var a = enforcer.Identify(enforcer.CredentialsFor(app.Functions[0]).AccessKeyId)!;
        Assert.Null(enforcer.Authorize(a, [new("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/t")]));
        var denial = enforcer.Authorize(a, [new("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/t"), new RequestedAccess("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:000000000000:table/t")]);
        Assert.Equal(
            new AccessDenial("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:000000000000:table/t", "User: arn:aws:sts::000000000000:assumed-role/app-role/a is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/t because no identity-based policy allows the dynamodb:PutItem action"),
            denial);
    }

    [Fact]
    public void Known_managed_policies_grant_their_actions()
    {
        var app = App(Policy("""{"Statement":[]}"""), "arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole");
        var enforcer = new IamEnforcer(app);
        var a = enforcer.Identify(enforcer.CredentialsFor(app.Functions[0]).AccessKeyId)!;
        Assert.Null(enforcer.Authorize(a, [new("dynamodb:GetRecords", "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/x")]));
        Assert.NotNull(enforcer.Authorize(a, [new("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/t")]));
    }

    [Fact]
    public void What_is_not_evaluated_is_listed_once_each()
    {
        var app = App(
            Policy("""{"Statement":[{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}},{"Effect":"Deny","Action":"dynamodb:DeleteItem","Resource":"*","Condition":{"ForAllValues:StringEquals":{"dynamodb:Attributes":["a"]}}}]}"""),
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess");
        var enforcer = new IamEnforcer(app);
        Assert.Equal(
            [
                "Role: the managed policy arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess is not known locally; its permissions are not granted.",
                "Role policy RolePolicy statement 1: the condition IpAddress on aws:SourceIp is not evaluated locally; the Allow applies as if it held.",
                "Role policy RolePolicy statement 2: the condition ForAllValues:StringEquals on dynamodb:Attributes is not evaluated locally; the Deny applies as if it did not hold.",
                "cFunction: its role arn:aws:iam::000000000000:role/elsewhere is not declared in the template; the function's calls are not checked locally.",
            ],
            enforcer.NotEvaluated);
        var c = enforcer.Identify(enforcer.CredentialsFor(app.Functions[2]).AccessKeyId)!;
        Assert.Null(enforcer.Authorize(c, [new("dynamodb:DeleteTable", "*")]));
    }
}
