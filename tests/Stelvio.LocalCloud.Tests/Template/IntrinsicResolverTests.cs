using System.Text;
using System.Text.Json.Nodes;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.Template;

/// <summary>Each intrinsic function and pseudo parameter, resolved to its local value, and the errors for what cannot be.</summary>
public sealed class IntrinsicResolverTests
{
    private static readonly JsonObject Sections = new()
    {
        ["Parameters"] = new JsonObject
        {
            ["Stage"] = new JsonObject { ["Type"] = "String", ["Default"] = "dev" },
            ["Zones"] = new JsonObject { ["Type"] = "CommaDelimitedList", ["Default"] = "a, b,c" },
            ["Size"] = new JsonObject { ["Type"] = "Number", ["Default"] = 3 },
            ["Secret"] = new JsonObject { ["Type"] = "String" },
            ["FromSsm"] = new JsonObject { ["Type"] = "AWS::SSM::Parameter::Value<String>", ["Default"] = "/app/x" },
        },
        ["Conditions"] = new JsonObject
        {
            ["IsDev"] = JsonNode.Parse("""{"Fn::Equals": [{"Ref": "Stage"}, "dev"]}"""),
            ["IsProd"] = JsonNode.Parse("""{"Fn::Equals": ["prod", {"Ref": "Stage"}]}"""),
            ["SizeIsThree"] = JsonNode.Parse("""{"Fn::Equals": [{"Ref": "Size"}, 3]}"""),
            ["DevAndThree"] = JsonNode.Parse("""{"Fn::And": [{"Condition": "IsDev"}, {"Condition": "SizeIsThree"}]}"""),
            ["ProdOrNotDev"] = JsonNode.Parse("""{"Fn::Or": [{"Condition": "IsProd"}, {"Fn::Not": [{"Condition": "IsDev"}]}]}"""),
            ["Loop"] = JsonNode.Parse("""{"Fn::Not": [{"Condition": "Loop"}]}"""),
        },
        ["Mappings"] = new JsonObject
        {
            ["Sizes"] = JsonNode.Parse("""{"dev": {"Memory": 256}, "prod": {"Memory": 1024}}"""),
        },
    };

    private readonly IntrinsicResolver resolver;

    public IntrinsicResolverTests()
    {
        var resources = new JsonObject
        {
            ["Orders"] = new JsonObject { ["Type"] = "AWS::DynamoDB::Table" },
            ["Worker"] = new JsonObject { ["Type"] = "AWS::Lambda::Function" },
        };
        var template = TemplateDocument.Parse(TestApps.Template(resources, Sections));
        resolver = new IntrinsicResolver(template, new PseudoParameters("eu-west-1", "000000000000", "shop-test"), new Values());
    }

    [Theory]
    [InlineData("AWS::Region", "eu-west-1")]
    [InlineData("AWS::AccountId", "000000000000")]
    [InlineData("AWS::Partition", "aws")]
    [InlineData("AWS::StackName", "shop-test")]
    [InlineData("AWS::URLSuffix", "amazonaws.com")]
    public void Ref_PseudoParameter_IsItsLocalValue(string name, string expected) =>
        Assert.Equal(expected, Resolve($$"""{"Ref": "{{name}}"}"""));

    [Fact]
    public void Ref_StackId_IsAStackArn_StableForTheStackName()
    {
        var id = Resolve("""{"Ref": "AWS::StackId"}""");

        Assert.Matches("^arn:aws:cloudformation:eu-west-1:000000000000:stack/shop-test/[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
        Assert.Equal(id, Resolve("""{"Ref": "AWS::StackId"}"""));
    }

    [Fact]
    public void Ref_NotificationArns_IsAnEmptyList() =>
        Assert.Equal("[]", ResolveJson("""{"Ref": "AWS::NotificationARNs"}"""));

    [Fact]
    public void Ref_NoValue_LeavesThePropertyOrElementOut() =>
        Assert.Equal("""{"Kept":1,"List":["a","b"]}""", ResolveJson("""{"Kept": 1, "Gone": {"Ref": "AWS::NoValue"}, "List": ["a", {"Ref": "AWS::NoValue"}, "b"]}"""));

    [Fact]
    public void Ref_Parameter_IsItsDefault_ListsSplitAtCommas()
    {
        Assert.Equal("dev", Resolve("""{"Ref": "Stage"}"""));
        Assert.Equal("""["a","b","c"]""", ResolveJson("""{"Ref": "Zones"}"""));
        Assert.Equal("3", Resolve("""{"Ref": "Size"}"""));
    }

    [Fact]
    public void Ref_Resource_IsWhatTheResourceValuesGive() =>
        Assert.Equal("name-of-Orders", Resolve("""{"Ref": "Orders"}"""));

    [Fact]
    public void GetAtt_TakesTheListAndTheDottedForm()
    {
        Assert.Equal("Orders.StreamArn", Resolve("""{"Fn::GetAtt": ["Orders", "StreamArn"]}"""));
        Assert.Equal("Worker.Arn", Resolve("""{"Fn::GetAtt": "Worker.Arn"}"""));
    }

    [Fact]
    public void Sub_ReplacesRefsAttributesAndPseudoParameters_AndKeepsEscapedText() =>
        Assert.Equal(
            "arn:aws:s3:::b-eu-west-1/name-of-Orders/Orders.Arn/index/*/${Literal}/dev",
            Resolve("""{"Fn::Sub": "arn:${AWS::Partition}:s3:::b-${AWS::Region}/${Orders}/${Orders.Arn}/index/*/${!Literal}/${Stage}"}"""));

    [Fact]
    public void Sub_WithVariables_UsesThemFirst_ResolvingTheirValues() =>
        Assert.Equal(
            "dev-name-of-Worker-x",
            Resolve("""{"Fn::Sub": ["${Stage}-${Fn}-${Orders}", {"Fn": {"Ref": "Worker"}, "Orders": "x"}]}"""));

    [Fact]
    public void Join_Select_Split_Compose()
    {
        Assert.Equal("a-b-name-of-Orders", Resolve("""{"Fn::Join": ["-", ["a", "b", {"Ref": "Orders"}]]}"""));
        Assert.Equal("b", Resolve("""{"Fn::Select": ["1", {"Ref": "Zones"}]}"""));
        Assert.Equal("table", Resolve("""{"Fn::Select": [0, {"Fn::Split": ["/", "table/orders"]}]}"""));
        Assert.Equal("""["x","","y"]""", ResolveJson("""{"Fn::Split": [",", "x,,y"]}"""));
    }

    [Fact]
    public void If_UsesTheTemplatesConditions_WithParametersAtTheirDefaults()
    {
        Assert.Equal("dev-value", Resolve("""{"Fn::If": ["IsDev", "dev-value", "other"]}"""));
        Assert.Equal("other", Resolve("""{"Fn::If": ["IsProd", "prod-value", "other"]}"""));
        Assert.Equal("yes", Resolve("""{"Fn::If": ["DevAndThree", "yes", "no"]}"""));
        Assert.Equal("no", Resolve("""{"Fn::If": ["ProdOrNotDev", "yes", "no"]}"""));
        Assert.Equal("""{"A":1}""", ResolveJson("""{"A": 1, "B": {"Fn::If": ["IsProd", 2, {"Ref": "AWS::NoValue"}]}}"""));
    }

    [Fact]
    public void FindInMap_Base64_Length_ToJsonString()
    {
        Assert.Equal("256", ResolveJson("""{"Fn::FindInMap": ["Sizes", {"Ref": "Stage"}, "Memory"]}"""));
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("hi dev")), Resolve("""{"Fn::Base64": {"Fn::Sub": "hi ${Stage}"}}"""));
        Assert.Equal("3", ResolveJson("""{"Fn::Length": {"Ref": "Zones"}}"""));
        Assert.Equal("""{"a":"dev"}""", Resolve("""{"Fn::ToJsonString": {"a": {"Ref": "Stage"}}}"""));
    }

    [Theory]
    [InlineData("""{"Ref": "Secret"}""", "Worker: Properties.X.Ref: refers to parameter 'Secret', which has no Default; the local cloud passes no parameter values. Give the parameter a Default to run this template locally.")]
    [InlineData("""{"Ref": "FromSsm"}""", "Worker: Properties.X.Ref: refers to parameter 'FromSsm' of type AWS::SSM::Parameter::Value<String>, read from Systems Manager at deployment; the local cloud reads no SSM parameters. Use a String parameter with a Default to run this template locally.")]
    [InlineData("""{"Ref": "Missing"}""", "Worker: Properties.X.Ref: refers to 'Missing', which is not a resource, parameter or pseudo parameter of the template.")]
    [InlineData("""{"Ref": "AWS::Bogus"}""", "Worker: Properties.X.Ref: 'AWS::Bogus' is not a pseudo parameter (AWS::AccountId, AWS::NotificationARNs, AWS::NoValue, AWS::Partition, AWS::Region, AWS::StackId, AWS::StackName, AWS::URLSuffix).")]
    [InlineData("""{"Fn::GetAtt": ["Missing", "Arn"]}""", "Worker: Properties.X.Fn::GetAtt: refers to 'Missing', which is not a resource of the template.")]
    [InlineData("""{"Fn::GetAtt": "NoDot"}""", "Worker: Properties.X.Fn::GetAtt: takes [\"LogicalId\", \"Attribute\"] or \"LogicalId.Attribute\".")]
    [InlineData("""{"Fn::ImportValue": "shared-vpc"}""", "Worker: Properties.X.Fn::ImportValue: imports an output of another stack, which the local cloud does not run. Replace the import with the value (or a parameter with a Default) to run this template locally.")]
    [InlineData("""{"Fn::GetAZs": ""}""", "Worker: Properties.X.Fn::GetAZs: Fn::GetAZs is not supported by the local cloud (it resolves Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::If, Fn::FindInMap, Fn::Base64, Fn::Length and Fn::ToJsonString). Replace it with a plain value to run this template locally.")]
    [InlineData("""{"Fn::Select": [5, ["a"]]}""", "Worker: Properties.X.Fn::Select: selects index 5 of a list of 1.")]
    [InlineData("""{"Fn::Sub": "a ${} b"}""", "Worker: Properties.X.Fn::Sub: has an empty variable \"${}\". Name a resource, parameter or pseudo parameter, or write \"${!}\" for the text \"${}\".")]
    [InlineData("""{"Fn::Sub": "${Zones}"}""", "Worker: Properties.X.Fn::Sub ${Zones}: must be a string, but resolves to a list.")]
    [InlineData("""{"Fn::Join": ["-", "not a list"]}""", "Worker: Properties.X.Fn::Join[1]: must be a list.")]
    [InlineData("""{"Fn::If": ["Unknown", 1, 2]}""", "Worker: Properties.X.Fn::If: refers to condition 'Unknown', which the template's Conditions do not have.")]
    [InlineData("""{"Fn::If": ["Loop", 1, 2]}""", "Conditions: Loop: refers to itself (through other conditions).")]
    [InlineData("""{"Fn::FindInMap": ["Sizes", "test", "Memory"]}""", "Worker: Properties.X.Fn::FindInMap: mapping 'Sizes' has no key 'test'.")]
    public void Unresolvable_IsAnErrorNamingWhere(string json, string message)
    {
        var error = Assert.Throws<LocalTemplateException>(() => Resolve(json));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ResolveString_OfAnObject_IsAnError()
    {
        var error = Assert.Throws<LocalTemplateException>(() => resolver.ResolveString(JsonNode.Parse("""{"a": 1}"""), "Worker", "Properties.Role"));

        Assert.Equal("Worker: Properties.Role: must be a string, but resolves to an object.", error.Message);
    }

    private string Resolve(string json) => resolver.ResolveString(JsonNode.Parse(json), "Worker", "Properties.X");

    private string ResolveJson(string json) => resolver.Resolve(JsonNode.Parse(json), "Worker", "Properties.X")!.ToJsonString();

    /// <summary>Resource values that say what was asked for.</summary>
    private sealed class Values : IResourceValues
    {
        public JsonNode Ref(string logicalId, string usedBy, string path) => "name-of-" + logicalId;

        public JsonNode GetAtt(string logicalId, string attribute, string usedBy, string path) => $"{logicalId}.{attribute}";
    }
}
