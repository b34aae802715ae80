using Stelvio.Assets;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Testing;
using Stelvio.Tests.Fixtures;

namespace Stelvio.Tests.Docs;

/// <summary>The snippets of docs/dynamodb.md on configuring functions, each on its synthesized template.</summary>
public sealed class FunctionsDocsTests
{
    [Fact]
    public void FunctionConfig_SetsMemoryTimeoutEnvironmentAndLinks()
    {
        var template = WithFunctionConfig();

        template.ResourcePropertiesMatch("ProcessUserFunction", new
        {
            FunctionName = "shop-test-process-user",
            Runtime = "provided.al2023",
            Handler = "UserHandlers.Handle",
            MemorySize = 512,
            Timeout = 60,
            Architectures = Match.Exact(new[] { "x86_64" }),
            Environment = new { Variables = new { LOG_LEVEL = "debug", STLV_USERS_TABLE_NAME = Cfn.Ref("UsersTable") } },
        });
        var asset = Assert.Single(template.Result!.Assets);
        Assert.Equal(AssetKind.DotnetProject, asset.Kind);
        Assert.False(asset.NativeAot);
    }

    [Fact]
    public void TargetTypedNew_GivesTheSameTemplateAsFunctionConfig()
    {
        var template = AppSynth.Template(app =>
        {
            var users = Users();

            // snippet: function-target-typed
            new Function("process-user", new()
            {
                Handler = "functions/Orders::UserHandlers.Handle",
                Links = [users],
                Memory = 512,
                Timeout = 60,
                Environment = { ["LOG_LEVEL"] = "debug" },
            });
            // end snippet
        });

        Assert.Equal(WithFunctionConfig().Result!.TemplateBytes, template.Result!.TemplateBytes);
    }

    [Fact]
    public void Dictionary_IsReadLikeAFunctionConfig()
    {
        var template = AppSynth.Template(app =>
        {
            var users = Users();

            // snippet: function-dictionary
            new Function("process-user", new Dictionary<string, object?>
            {
                ["handler"] = "functions/Orders::UserHandlers.Handle",
                ["links"] = new[] { users },
                ["timeout"] = 30,
                ["memory"] = 256,
                ["native_aot"] = false,
            });
            // end snippet
        });

        template.ResourcePropertiesMatch("ProcessUserFunction", new
        {
            Handler = "UserHandlers.Handle",
            Timeout = 30,
            MemorySize = 256,
            Environment = new { Variables = new { STLV_USERS_TABLE_NAME = Cfn.Ref("UsersTable") } },
        });
    }

    [Fact]
    public void Defaults_Are128MbSixtySecondsX86AndTheProjectsAotSetting()
    {
        var template = Defaults();

        template.ResourcePropertiesMatch("WorkerFunction", Match.Exact(new
        {
            FunctionName = "shop-test-worker",
            Runtime = "provided.al2023",
            Handler = "OrderHandlers.ProcessChanges",
            Code = new { S3Bucket = Cfn.Sub("stelvio-assets-${AWS::AccountId}-${AWS::Region}"), S3Key = Match.StringLike(@"^assets/[0-9a-f]+\.zip$") },
            Role = Cfn.GetAtt("WorkerRole", "Arn"),
            MemorySize = 128,
            Timeout = 60,
            Architectures = new[] { "x86_64" },
            Tags = Match.AnyValue(),
        }));
        Assert.False(template.Resources.ContainsKey("WorkerPolicy"));
    }

    [Fact]
    public void OutOfRangeSettings_AreRefusedWithTheRange()
    {
        Assert.Equal(
            "2 problems:" + Environment.NewLine +
            "  - Function 'resize': Memory: 64 MB is out of range; Lambda accepts 128 to 10,240 MB." + Environment.NewLine +
            "  - Function 'resize': Timeout: 1200 seconds is out of range; Lambda accepts 1 to 900 seconds (15 minutes).",
            OutOfRangeError());
    }

    [Fact]
    public void Arm64AndNativeAot_SetTheArchitectureAndTheAsset()
    {
        var template = AppSynth.Template(app =>
        {
            // snippet: function-architecture-aot
            new Function("resize", new()
            {
                Handler = "functions/Orders::OrderHandlers.ProcessChanges",
                Architecture = LambdaArchitecture.Arm64, // published for linux-arm64
                NativeAot = true,                        // published with Native AOT
            });
            // end snippet
        });

        template.ResourcePropertiesMatch("ResizeFunction", new { Architectures = Match.Exact(new[] { "arm64" }), Runtime = "provided.al2023" });
        var asset = Assert.Single(template.Result!.Assets);
        Assert.Equal("arm64", asset.Architecture);
        Assert.True(asset.NativeAot);
    }

    [Fact]
    public void EscapeHatches_OverrideTheFunctionAndItsRole()
    {
        var template = AppSynth.Template(app =>
        {
            // snippet: function-escape-hatches
            var worker = new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" });
            worker.AddPropertyOverride("TracingConfig.Mode", "Active");
            worker.AddRolePropertyOverride("MaxSessionDuration", 7200);
            // end snippet
        });

        template.ResourcePropertiesMatch("WorkerFunction", new { TracingConfig = Match.Exact(new { Mode = "Active" }) });
        template.ResourcePropertiesMatch("WorkerRole", new { MaxSessionDuration = 7200 });
    }

    internal static Template Defaults() => AppSynth.Template(app =>
    {
        // snippet: function-defaults
        new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" });
        // end snippet
    });

    internal static Template WithFunctionConfig() => AppSynth.Template(app =>
    {
        var users = Users();

        // snippet: function-config
        new Function("process-user", new FunctionConfig
        {
            Handler = "functions/Orders::UserHandlers.Handle",
            Links = [users],
            Memory = 512,
            Timeout = 60,
            Environment = { ["LOG_LEVEL"] = "debug" },
        });
        // end snippet
    });

    internal static string OutOfRangeError() => AppSynth.Error(app =>
    {
        // snippet: function-out-of-range
        new Function("resize", new()
        {
            Handler = "functions/Orders::OrderHandlers.ProcessChanges",
            Memory = 64,
            Timeout = 1200,
        });
        // end snippet
    }).Message;

    private static DynamoTable Users() => new("users", new() { Fields = { ["user_id"] = "string" }, PartitionKey = "user_id" });
}
