using System.Text.Json.Nodes;
using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.Template;

/// <summary>
/// Templates written by hand, for what the Stelvio synth does not emit but a template may hold: named roles with paths
/// and inline policies, Lambda's defaults, other resource types, conditions, mappings by ARN, other event sources.
/// </summary>
public sealed class HandWrittenTemplateTests : IDisposable
{
    private const string Stack = "app-dev";
    private readonly DynamoEngine engine = new();

    public void Dispose() => engine.Dispose();

    [Fact]
    public void Role_WithNamePathInlinePolicyAndPolicyResources_ResolvesEverything()
    {
        var app = Materialize(new JsonObject
        {
            ["Orders"] = Table("orders", stream: true),
            ["Role"] = Resource("AWS::IAM::Role", """
                {"RoleName": {"Fn::Sub": "${AWS::StackName}-worker"}, "Path": "/service/",
                 "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
                 "ManagedPolicyArns": [{"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess"}],
                 "Policies": [{"PolicyName": "inline", "PolicyDocument": {"Version": "2012-10-17",
                   "Statement": [{"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": {"Fn::GetAtt": ["Orders", "Arn"]}}]}}]}
                """),
            ["Extra"] = Resource("AWS::IAM::Policy", """
                {"PolicyName": "extra", "Roles": [{"Ref": "Role"}, "someone-else"],
                 "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "dynamodb:*", "Resource": {"Fn::Sub": "${Orders.StreamArn}"}}]}}
                """),
            ["Ids"] = Resource("AWS::IAM::Policy", """
                {"PolicyName": "ids", "Roles": [{"Ref": "Role"}],
                 "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "x:Y", "Resource": [{"Fn::GetAtt": ["Role", "RoleId"]}, {"Ref": "Extra"}]}]}}
                """),
        });

        var role = Assert.Single(app.Roles);
        Assert.Equal("app-dev-worker", role.Name);
        Assert.Equal("arn:aws:iam::000000000000:role/service/app-dev-worker", role.Arn);
        Assert.Equal(["arn:aws:iam::aws:policy/ReadOnlyAccess"], role.ManagedPolicyArns);
        Assert.Equal(["inline", "extra", "ids"], role.Policies.Select(p => p.Name));
        Assert.Equal(["Role", "Extra", "Ids"], role.Policies.Select(p => p.Source));
        Assert.Equal(app.Tables[0].Arn, (string?)role.Policies[0].Document["Statement"]![0]!["Resource"]);
        Assert.Equal(app.Tables[0].StreamArn, (string?)role.Policies[1].Document["Statement"]![0]!["Resource"]);
        Assert.Matches("^AROA[A-Z0-9]{17}$", (string?)role.Policies[2].Document["Statement"]![0]!["Resource"]![0]);
        Assert.Matches("^app-dev-Extra-[A-Z0-9]{12}$", (string?)role.Policies[2].Document["Statement"]![0]!["Resource"]![1]);
        Assert.Equal(["Extra: attached to role 'someone-else', which is not a role of this template; not run locally."], app.NotRunLocally);
    }

    [Fact]
    public void Function_WithoutOptionalSettings_GetsLambdasDefaults()
    {
        var app = Materialize(new JsonObject
        {
            ["Role"] = Resource("AWS::IAM::Role", """{"AssumeRolePolicyDocument": {}}"""),
            ["Fn"] = Resource("AWS::Lambda::Function", """
                {"Runtime": "python3.12", "Handler": "orders.process", "Role": {"Fn::GetAtt": ["Role", "Arn"]},
                 "Code": {"S3Bucket": "b", "S3Key": "abc.zip"},
                 "Environment": {"Variables": {"N": 5, "B": true, "REGION": {"Ref": "AWS::Region"}}}}
                """),
        });

        var function = Assert.Single(app.Functions);
        Assert.Matches("^app-dev-Fn-[A-Z0-9]{12}$", function.Name);
        Assert.Equal($"arn:aws:lambda:us-east-1:000000000000:function:{function.Name}", function.Arn);
        Assert.Equal(128, function.MemorySize);
        Assert.Equal(TimeSpan.FromSeconds(3), function.Timeout);
        Assert.Equal("x86_64", function.Architecture);
        Assert.Equal("python3.12", function.Runtime);
        Assert.Equal("orders.process", function.Handler);
        Assert.Equal("abc.zip", function.CodeKey);
        Assert.Equal(app.Roles.Single().Arn, function.RoleArn);
        Assert.Equal(new Dictionary<string, string> { ["N"] = "5", ["B"] = "true", ["REGION"] = "us-east-1" }, function.Environment);
    }

    [Fact]
    public void Function_WithInlineOrImageCode_IsLeftOut_AndSoAreItsMappings()
    {
        var app = Materialize(new JsonObject
        {
            ["Orders"] = Table("orders", stream: true),
            ["Inline"] = Resource("AWS::Lambda::Function", """{"Runtime": "python3.12", "Handler": "index.h", "Role": "arn:aws:iam::000000000000:role/r", "Code": {"ZipFile": "def h(e, c): pass"}}"""),
            ["Image"] = Resource("AWS::Lambda::Function", """{"PackageType": "Image", "Role": "arn:aws:iam::000000000000:role/r", "Code": {"ImageUri": "123.dkr.ecr.us-east-1.amazonaws.com/x:1"}}"""),
            ["Mapping"] = Resource("AWS::Lambda::EventSourceMapping", """{"EventSourceArn": {"Fn::GetAtt": ["Orders", "StreamArn"]}, "FunctionName": {"Ref": "Inline"}, "StartingPosition": "LATEST"}"""),
        });

        Assert.Empty(app.Functions);
        Assert.Empty(app.EventSourceMappings);
        Assert.Equal(
            [
                "Inline (AWS::Lambda::Function): inline code (Code.ZipFile) is not run locally; the function is left out.",
                "Image (AWS::Lambda::Function): container image functions (Code.ImageUri) are not run locally; the function is left out.",
                $"Mapping (AWS::Lambda::EventSourceMapping): it invokes '{Generated("Inline", 64)}', which is not a function run locally; the mapping is left out.",
            ],
            app.NotRunLocally);
    }

    [Theory]
    [InlineData("worker")]
    [InlineData("arn:aws:lambda:us-east-1:000000000000:function:worker")]
    [InlineData("000000000000:function:worker")]
    public void Mapping_FunctionName_MayBeANameOrAnArn(string functionName)
    {
        var app = Materialize(new JsonObject
        {
            ["Orders"] = Table("orders", stream: true),
            ["Fn"] = Function("worker"),
            ["Mapping"] = Resource("AWS::Lambda::EventSourceMapping", $$"""
                {"EventSourceArn": {"Fn::GetAtt": ["Orders", "StreamArn"]}, "FunctionName": "{{functionName}}",
                 "StartingPosition": "AT_TIMESTAMP", "StartingPositionTimestamp": 1767225600.5, "TumblingWindowInSeconds": 60}
                """),
        });

        var mapping = Assert.Single(app.EventSourceMappings);
        Assert.Equal("worker", mapping.FunctionName);
        Assert.Equal("AT_TIMESTAMP", mapping.StartingPosition);
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T00:00:00.5Z", System.Globalization.CultureInfo.InvariantCulture), mapping.StartingPositionTimestamp);
        Assert.Equal(TimeSpan.FromMinutes(1), mapping.TumblingWindow);
        Assert.Equal(["Mapping: TumblingWindowInSeconds is accepted but not run locally (batches are delivered without tumbling-window state)."], app.NotRunLocally);
    }

    [Fact]
    public void Mapping_OfAnAliasWithAnOnSuccessDestination_RunsTheFunction_AndSaysWhatItDoesNot()
    {
        var app = Materialize(new JsonObject
        {
            ["Orders"] = Table("orders", stream: true),
            ["Fn"] = Function("worker"),
            ["Mapping"] = Resource("AWS::Lambda::EventSourceMapping", """
                {"EventSourceArn": {"Fn::GetAtt": ["Orders", "StreamArn"]}, "FunctionName": "worker:live", "StartingPosition": "LATEST",
                 "DestinationConfig": {"OnSuccess": {"Destination": "arn:aws:sqs:us-east-1:000000000000:done"}}, "ScalingConfig": {"MaximumConcurrency": 2}}
                """),
        });

        Assert.Equal("worker", app.EventSourceMappings.Single().FunctionName);
        Assert.Null(app.EventSourceMappings.Single().OnFailureDestination);
        Assert.Equal(
            [
                "Mapping: ScalingConfig is accepted but not run locally.",
                "Mapping: FunctionName qualifier 'live' is accepted but not run locally (versions and aliases are not kept locally; the function's current code runs).",
                "Mapping: DestinationConfig.OnSuccess is accepted but not run locally (stream mappings have no on-success destination).",
            ],
            app.NotRunLocally);
    }

    [Fact]
    public void Mapping_RefAndAttributes_AreItsUuidAndArn()
    {
        var app = Materialize(new JsonObject
        {
            ["Orders"] = Table("orders", stream: true),
            ["Fn"] = Function("worker", """{"MAPPING": {"Ref": "Mapping"}, "MAPPING_ARN": {"Fn::GetAtt": ["Mapping", "EventSourceMappingArn"]}}"""),
            ["Mapping"] = Resource("AWS::Lambda::EventSourceMapping", """{"EventSourceArn": {"Fn::GetAtt": ["Orders", "StreamArn"]}, "FunctionName": {"Fn::GetAtt": ["Fn", "Arn"]}, "StartingPosition": "LATEST"}"""),
        });

        var uuid = PhysicalNames.Uuid(Stack, "Mapping");
        Assert.Equal(uuid, app.EventSourceMappings.Single().Uuid);
        Assert.Equal(uuid, app.Functions.Single().Environment["MAPPING"]);
        Assert.Equal($"arn:aws:lambda:us-east-1:000000000000:event-source-mapping:{uuid}", app.Functions.Single().Environment["MAPPING_ARN"]);
    }

    [Fact]
    public void OnFailureQueueOfTheTemplate_ResolvesToItsArn_AndTheQueueIsListed()
    {
        var app = Materialize(new JsonObject
        {
            ["Orders"] = Table("orders", stream: true),
            ["Fn"] = Function("worker"),
            ["Dlq"] = Resource("AWS::SQS::Queue", """{"QueueName": "orders-dlq"}"""),
            ["Mapping"] = Resource("AWS::Lambda::EventSourceMapping", """
                {"EventSourceArn": {"Fn::GetAtt": ["Orders", "StreamArn"]}, "FunctionName": "worker", "StartingPosition": "LATEST",
                 "DestinationConfig": {"OnFailure": {"Destination": {"Fn::GetAtt": ["Dlq", "Arn"]}}}}
                """),
        });

        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:orders-dlq", app.EventSourceMappings.Single().OnFailureDestination);
        Assert.Equal(
            ["Dlq (AWS::SQS::Queue): not run locally.", "Mapping: on-failure records are kept locally, not sent to arn:aws:sqs:us-east-1:000000000000:orders-dlq."],
            app.NotRunLocally);
    }

    [Fact]
    public void OtherEventSources_AndOtherResourceTypes_AreListedOnce()
    {
        var app = Materialize(new JsonObject
        {
            ["Fn"] = Function("worker"),
            ["Bucket"] = Resource("AWS::S3::Bucket", "{}"),
            ["Api"] = Resource("AWS::ApiGateway::RestApi", """{"Name": "api"}"""),
            ["FromQueue"] = Resource("AWS::Lambda::EventSourceMapping", """{"EventSourceArn": "arn:aws:sqs:us-east-1:000000000000:jobs", "FunctionName": "worker"}"""),
            ["FromOtherTable"] = Resource("AWS::Lambda::EventSourceMapping", """{"EventSourceArn": "arn:aws:dynamodb:us-east-1:000000000000:table/legacy/stream/2026-01-01T00:00:00.000", "FunctionName": "worker", "StartingPosition": "LATEST"}"""),
        });

        Assert.Empty(app.EventSourceMappings);
        Assert.Equal(
            [
                "Bucket (AWS::S3::Bucket): not run locally.",
                "Api (AWS::ApiGateway::RestApi): not run locally.",
                "FromQueue (AWS::Lambda::EventSourceMapping): its source arn:aws:sqs:us-east-1:000000000000:jobs is not a DynamoDB stream; only DynamoDB stream subscriptions are run locally, so the mapping is left out.",
                "FromOtherTable (AWS::Lambda::EventSourceMapping): its source arn:aws:dynamodb:us-east-1:000000000000:table/legacy/stream/2026-01-01T00:00:00.000 is not the stream of a table of this template; the mapping is left out.",
            ],
            app.NotRunLocally);
    }

    [Fact]
    public void ResourceUnderAFalseCondition_IsNotCreated_AndARefToItIsAnError()
    {
        var sections = new JsonObject
        {
            ["Parameters"] = new JsonObject { ["Stage"] = new JsonObject { ["Type"] = "String", ["Default"] = "dev" } },
            ["Conditions"] = new JsonObject { ["IsProd"] = JsonNode.Parse("""{"Fn::Equals": [{"Ref": "Stage"}, "prod"]}""") },
        };
        var archive = Table("archive", stream: false);
        archive["Condition"] = "IsProd";
        var resources = new JsonObject { ["Archive"] = archive, ["Orders"] = Table("orders", stream: false) };

        var app = TemplateMaterializer.Materialize(TestApps.Template(resources, sections), engine, Stack);
        Assert.Equal(["Orders"], app.Tables.Select(t => t.LogicalId));

        resources["Fn"] = Function("worker", """{"ARCHIVE": {"Ref": "Archive"}}""");
        var error = Assert.Throws<LocalTemplateException>(() => TemplateMaterializer.Materialize(TestApps.Template(resources, sections), engine, Stack));
        Assert.Equal("Fn: Properties.Environment.Variables.ARCHIVE.Ref: refers to Archive, which is not created: its condition 'IsProd' is false.", error.Message);
    }

    [Theory]
    [InlineData("""{"Ref": "Bucket"}""", "Fn: Properties.Environment.Variables.X.Ref: refers to Bucket (AWS::S3::Bucket), which the local cloud does not run, so it has no local value. Replace the reference with a plain value to run this template locally.")]
    [InlineData("""{"Fn::GetAtt": ["Orders", "StreamArn"]}""", "Fn: Properties.Environment.Variables.X.Fn::GetAtt: asks for Orders.StreamArn, but table Orders has no StreamSpecification, so no stream.")]
    [InlineData("""{"Fn::GetAtt": ["Orders", "ConsumerArn"]}""", "Fn: Properties.Environment.Variables.X.Fn::GetAtt: asks for Orders.ConsumerArn, an attribute of AWS::DynamoDB::Table the local cloud has no value for (it has Arn, StreamArn).")]
    [InlineData("""{"a": 1}""", "Fn: Properties.Environment.Variables.X: must be a string, not {\"a\":1}.")]
    public void UnresolvableReference_IsAnErrorNamingWhere(string value, string message)
    {
        var resources = new JsonObject
        {
            ["Orders"] = Table("orders", stream: false),
            ["Bucket"] = Resource("AWS::S3::Bucket", "{}"),
            ["Fn"] = Function("worker", $$"""{"X": {{value}}}"""),
        };

        var error = Assert.Throws<LocalTemplateException>(() => Materialize(resources));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void TableNamingItself_IsAnError()
    {
        var table = Table("x", stream: false);
        table["Properties"]!["TableName"] = JsonNode.Parse("""{"Fn::Sub": "${Orders}-copy"}""");

        var error = Assert.Throws<LocalTemplateException>(() => Materialize(new JsonObject { ["Orders"] = table }));

        Assert.Equal("Orders: Properties: its name refers to itself (through Ref, Fn::GetAtt or Fn::Sub).", error.Message);
    }

    [Fact]
    public void TableReferringToItsOwnArn_IsAnError()
    {
        var table = Table("orders", stream: false);
        table["Properties"]!["Tags"] = JsonNode.Parse("""[{"Key": "self", "Value": {"Fn::GetAtt": ["Orders", "Arn"]}}]""");

        var error = Assert.Throws<LocalTemplateException>(() => Materialize(new JsonObject { ["Orders"] = table }));

        Assert.Equal("Orders: Properties: refers to its own Arn or StreamArn, which exist only once the table does.", error.Message);
    }

    [Theory]
    [InlineData("not json", "Template: (document): is not valid JSON")]
    [InlineData("[]", "Template: (document): is not a JSON object. Give the template synth writes.")]
    [InlineData("{}", "Template: Resources: is missing or not an object. A template declares its resources under \"Resources\".")]
    [InlineData("""{"Resources": {"X": {"Properties": {}}}}""", "X: Type: is missing. Every resource names its type, for example \"AWS::DynamoDB::Table\".")]
    public void MalformedTemplate_IsAnError(string template, string message)
    {
        var error = Assert.Throws<LocalTemplateException>(() => TemplateMaterializer.Materialize(System.Text.Encoding.UTF8.GetBytes(template), engine, Stack));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_WithoutStartingPosition_IsAnError()
    {
        var error = Assert.Throws<LocalTemplateException>(() => Materialize(new JsonObject
        {
            ["Orders"] = Table("orders", stream: true),
            ["Fn"] = Function("worker"),
            ["Mapping"] = Resource("AWS::Lambda::EventSourceMapping", """{"EventSourceArn": {"Fn::GetAtt": ["Orders", "StreamArn"]}, "FunctionName": "worker"}"""),
        }));

        Assert.Equal("Mapping: Properties.StartingPosition: is required: where a stream subscription starts: LATEST, TRIM_HORIZON or AT_TIMESTAMP.", error.Message);
    }

    private static string Generated(string logicalId, int maxLength) => PhysicalNames.Generated(Stack, logicalId, maxLength);

    private LocalApp Materialize(JsonObject resources) => TemplateMaterializer.Materialize(TestApps.Template(resources), engine, Stack);

    private static JsonObject Resource(string type, string properties) =>
        new() { ["Type"] = type, ["Properties"] = JsonNode.Parse(properties) };

    private static JsonObject Table(string name, bool stream)
    {
        var table = Resource("AWS::DynamoDB::Table", $$"""
            {"TableName": "{{name}}", "BillingMode": "PAY_PER_REQUEST",
             "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
             "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}
            """);
        if (stream)
        {
            table["Properties"]!["StreamSpecification"] = new JsonObject { ["StreamViewType"] = "NEW_IMAGE" };
        }

        return table;
    }

    private static JsonObject Function(string name, string environment = "{}") => Resource("AWS::Lambda::Function", $$$"""
        {"FunctionName": "{{{name}}}", "Runtime": "provided.al2023", "Handler": "H.M", "Role": "arn:aws:iam::000000000000:role/r",
         "Code": {"S3Bucket": "b", "S3Key": "k.zip"}, "Environment": {"Variables": {{{environment}}}}}
        """);
}
