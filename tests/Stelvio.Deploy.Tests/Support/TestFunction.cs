using System.Text.Json.Nodes;
using Stelvio.Assets;
using Stelvio.Aws.DynamoDB;

namespace Stelvio.Deploy.Tests.Support;

/// <summary>
/// A function as the deploy tests need one before the real <c>Function</c> component is merged: a role
/// (trust policy, basic execution, stream-read grant), a Python function whose code is a
/// <see cref="FunctionAsset"/> in the asset bucket, and optionally an event source mapping on a table's
/// stream. It exercises asset upload, IAM capabilities and permission widening end to end.
/// </summary>
internal sealed class TestFunction : Component
{
    private readonly FunctionAsset asset;

    public TestFunction(string name, string sourceDirectory, int memory, DynamoTable? subscribeTo = null)
        : base("TestFunction", name)
    {
        Memory = memory;
        Table = subscribeTo;
        asset = FunctionAsset.For(AssetKind.PythonSource, sourceDirectory, "arm64", nativeAot: false);
    }

    public int Memory { get; }

    public DynamoTable? Table { get; }

    public string PhysicalName => App.PhysicalName(ComponentName, 64);

    public string FunctionId => LogicalIdPrefix + "Function";

    public string RoleId => LogicalIdPrefix + "FunctionRole";

    public FunctionAsset Asset => asset;

    internal override void Synthesize(SynthContext context)
    {
        context.Assets[asset.Hash] = asset;
        var statements = new JsonArray();
        if (Table is not null)
        {
            statements.Add(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"),
                ["Resource"] = Table.StreamArn!.ToCloudFormation(),
            });
        }

        var role = new JsonObject
        {
            ["AssumeRolePolicyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject
                {
                    ["Effect"] = "Allow",
                    ["Principal"] = new JsonObject { ["Service"] = "lambda.amazonaws.com" },
                    ["Action"] = "sts:AssumeRole",
                }),
            },
            ["ManagedPolicyArns"] = new JsonArray(new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" }),
        };
        if (statements.Count > 0)
        {
            role["Policies"] = new JsonArray(new JsonObject
            {
                ["PolicyName"] = "stream",
                ["PolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements },
            });
        }

        context.Add(this, RoleId, "AWS::IAM::Role", role);
        context.Add(this, FunctionId, "AWS::Lambda::Function", new JsonObject
        {
            ["FunctionName"] = PhysicalName,
            ["Runtime"] = "python3.12",
            ["Handler"] = "handler.handle",
            ["MemorySize"] = Memory,
            ["Timeout"] = 30,
            ["Architectures"] = new JsonArray("arm64"),
            ["Role"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray(RoleId, "Arn") },
            ["Code"] = new JsonObject { ["S3Bucket"] = AssetBucket.Name.ToCloudFormation(), ["S3Key"] = asset.S3Key },
        });
        if (Table is not null)
        {
            context.Add(this, LogicalIdPrefix + "Mapping", "AWS::Lambda::EventSourceMapping", new JsonObject
            {
                ["FunctionName"] = new JsonObject { ["Ref"] = FunctionId },
                ["EventSourceArn"] = Table.StreamArn!.ToCloudFormation(),
                ["StartingPosition"] = "LATEST",
                ["BatchSize"] = 10,
            });
        }

        context.Template.AddOutput(FunctionId + "Name", new JsonObject { ["Ref"] = FunctionId }, $"Name of {Display}");
    }
}
