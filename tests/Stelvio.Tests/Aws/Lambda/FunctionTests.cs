using System.Text.Json.Nodes;
using Stelvio.Assets;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Testing;
using Stelvio.Tests.Fixtures;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.Lambda;

public sealed class FunctionTests
{
    private static readonly string[] TableActions =
    [
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan",
        "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
    ];

    [Fact]
    public void GuideLinkExample_InCSharp_WritesRoleTablePolicyAndEnvironment()
    {
        // GIVEN the guide's users table and process-user function, with a C# handler
        var template = AppSynth.Template(app =>
        {
            var users = GuideTables.Users();
            new Function("process-user", new() { Handler = "functions/Orders::UserHandlers.Handler", Links = [users] });
        });

        // THEN the function runs the project's bootstrap with the handler after '::'
        var asset = Assert.Single(template.Result!.Assets);
        Assert.Equal(AssetKind.DotnetProject, asset.Kind);
        Assert.Equal(FixtureProject.Combine("functions", "Orders"), asset.SourceDirectory);
        Assert.Equal("x86_64", asset.Architecture);
        Assert.False(asset.NativeAot);
        template.ResourceCountIs("AWS::Lambda::Function", 1);
        template.HasResource("AWS::Lambda::Function", new
        {
            DependsOn = Match.Exact(new[] { "ProcessUserPolicy" }),
            Properties = new
            {
                FunctionName = "shop-test-process-user",
                Runtime = "provided.al2023",
                Handler = "UserHandlers.Handler",
                Code = Match.Exact(new { S3Bucket = Cfn.Sub("stelvio-assets-${AWS::AccountId}-${AWS::Region}"), S3Key = $"assets/{asset.Hash}.zip" }),
                Role = Cfn.GetAtt("ProcessUserRole", "Arn"),
                MemorySize = 128,
                Timeout = 60,
                Architectures = new[] { "x86_64" },
                Environment = Match.Exact(new
                {
                    Variables = new JsonObject
                    {
                        ["STLV_USERS_TABLE_ARN"] = Cfn.GetAtt("UsersTable", "Arn"),
                        ["STLV_USERS_TABLE_NAME"] = Cfn.Ref("UsersTable"),
                    },
                }),
            },
        });

        // AND one role, trusting Lambda, with the basic execution policy
        template.ResourceCountIs("AWS::IAM::Role", 1);
        template.ResourcePropertiesMatch("ProcessUserRole", new
        {
            AssumeRolePolicyDocument = Match.Exact(Cfn.LambdaTrustPolicy()),
            ManagedPolicyArns = Match.Exact(new[] { Cfn.BasicExecutionRole() }),
            RoleName = Match.Absent(),
        });

        // AND a policy on that role holding the table and index statements
        template.ResourceCountIs("AWS::IAM::Policy", 1);
        template.ResourcePropertiesMatch("ProcessUserPolicy", new
        {
            PolicyName = "ProcessUserPolicy",
            Roles = Match.Exact(new[] { Cfn.Ref("ProcessUserRole") }),
            PolicyDocument = Match.Exact(new
            {
                Version = "2012-10-17",
                Statement = new[]
                {
                    Cfn.Statement(TableActions, Cfn.GetAtt("UsersTable", "Arn")),
                    Cfn.Statement(["dynamodb:Query", "dynamodb:Scan"], Cfn.Sub("${UsersTable.Arn}/index/*")),
                },
            }),
        });
    }

    [Fact]
    public void GuideLinkExample_WithPythonHandlerVerbatim_DeploysTheFolderHoldingTheFile()
    {
        var template = AppSynth.Template(app =>
        {
            var users = GuideTables.Users();
            new Function("process-user", new() { Handler = "functions/users.handler", Runtime = "python3.12", Links = [users] });
        });

        var asset = Assert.Single(template.Result!.Assets);
        Assert.Equal(AssetKind.PythonSource, asset.Kind);
        Assert.Equal(FixtureProject.Combine("functions"), asset.SourceDirectory);
        template.HasResourceProperties("AWS::Lambda::Function", new
        {
            Runtime = "python3.12",
            Handler = "users.handler",
            Code = new { S3Key = $"assets/{asset.Hash}.zip" },
        });
        Assert.Equal(2, Cfn.Statements(template, "ProcessUserPolicy").Count);
        Assert.Equal(Cfn.Ref("UsersTable").ToJsonString(), Cfn.Variables(template, "ProcessUserFunction")["STLV_USERS_TABLE_NAME"]!.ToJsonString());
    }

    [Fact]
    public void Function_WithNamespacedHandler_PassesNamespaceTypeAndMethodToLambda()
    {
        var template = AppSynth.Template(app => new Function("worker", new() { Handler = @"functions\Orders::Shop.Functions.OrderHandlers.ProcessChanges" }));

        template.HasResourceProperties("AWS::Lambda::Function", new { Handler = "Shop.Functions.OrderHandlers.ProcessChanges" });
        Assert.Equal(FixtureProject.Combine("functions", "Orders"), Assert.Single(template.Result!.Assets).SourceDirectory);
    }

    [Fact]
    public void Function_WithoutLinks_HasRoleButNoPolicyNorEnvironment()
    {
        var template = AppSynth.Template(app => new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" }));

        template.ResourceCountIs("AWS::IAM::Policy", 0);
        template.ResourceCountIs("AWS::IAM::Role", 1);
        template.HasResource("AWS::Lambda::Function", new
        {
            DependsOn = Match.Absent(),
            Properties = new { Environment = Match.Absent(), MemorySize = FunctionConfig.DefaultMemory, Timeout = FunctionConfig.DefaultTimeout },
        });
    }

    [Fact]
    public void Function_ConfiguredWithTargetTypedNew_WritesTheSameTemplateAsWithFunctionConfig()
    {
        var typed = AppSynth.Result(app =>
        {
            var users = GuideTables.Users();
            new Function("process-user", new FunctionConfig { Handler = "functions/Orders::UserHandlers.Handler", Links = [users], Memory = 512, Timeout = 60, Environment = { ["LOG_LEVEL"] = "debug" } });
        });
        var targetTyped = AppSynth.Result(app =>
        {
            var users = GuideTables.Users();
            new Function("process-user", new() { Handler = "functions/Orders::UserHandlers.Handler", Links = [users], Memory = 512, Timeout = 60, Environment = { ["LOG_LEVEL"] = "debug" } });
        });

        Assert.Equal(typed.TemplateJson, targetTyped.TemplateJson);
    }

    [Fact]
    public void Function_ConfiguredAsGuideDictionary_AcceptsSnakeCaseKeys()
    {
        var template = AppSynth.Template(app =>
        {
            var users = GuideTables.Users();
            new Function("process-user", new Dictionary<string, object?>
            {
                ["handler"] = "functions/Orders::UserHandlers.Handler",
                ["timeout"] = 30,
                ["memory"] = 256,
                ["links"] = new object[] { users },
                ["environment"] = new Dictionary<string, object?> { ["LOG_LEVEL"] = "debug", ["USERS"] = users.Name },
                ["architecture"] = "arm64",
                ["native_aot"] = false,
                ["tags"] = new Dictionary<string, string> { ["team"] = "orders" },
                ["description"] = "Processes users",
            });
        });

        template.HasResourceProperties("AWS::Lambda::Function", new
        {
            Handler = "UserHandlers.Handler",
            Timeout = 30,
            MemorySize = 256,
            Architectures = new[] { "arm64" },
            Description = "Processes users",
            Environment = new { Variables = new JsonObject { ["LOG_LEVEL"] = "debug", ["USERS"] = Cfn.Ref("UsersTable"), ["STLV_USERS_TABLE_NAME"] = Cfn.Ref("UsersTable") } },
            Tags = Match.ArrayWith(new { Key = "team", Value = "orders" }),
        });
        Assert.Equal(2, Cfn.Statements(template, "ProcessUserPolicy").Count);
    }

    [Fact]
    public void Function_ConfiguredAsDictionaryWithCamelOrPascalKeys_ReadsThemLikeSnakeCase()
    {
        var template = AppSynth.Template(app =>
        {
            new Function("camel", new Dictionary<string, object?> { ["Handler"] = "functions/Orders::OrderHandlers.ProcessChanges", ["memorySize"] = 1024, ["NativeAot"] = true });
        });

        template.HasResourceProperties("AWS::Lambda::Function", new { MemorySize = 1024 });
        Assert.True(Assert.Single(template.Result!.Assets).NativeAot);
    }

    [Fact]
    public void Function_DictionaryWithUnknownKeyOrWrongTypes_ReportsEachKey()
    {
        var error = AppSynth.Error(app => new Function("process-user", new Dictionary<string, object?>
        {
            ["handler"] = "functions/Orders::UserHandlers.Handler",
            ["timeout"] = "30",
            ["memroy"] = 256,
            ["links"] = new object[] { "users" },
            ["native_aot"] = "yes",
        }));

        Assert.Equal(4, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.ToString() == "Function 'process-user': [\"timeout\"]: must be a whole number of seconds or a TimeSpan, not \"30\".");
        Assert.Contains(error.Errors, e => e.ToString() == "Function 'process-user': [\"memroy\"]: 'memroy' is not a setting of a function. Use: handler, runtime, memory, timeout, architecture, native_aot, links, environment, description, tags.");
        Assert.Contains(error.Errors, e => e.ToString() == "Function 'process-user': [\"links\"][0]: is \"users\", which cannot be linked. Link tables, functions or Link objects.");
        Assert.Contains(error.Errors, e => e.ToString() == "Function 'process-user': [\"native_aot\"]: must be true or false, not \"yes\".");
    }

    [Fact]
    public void Function_DictionaryGivingOneSettingUnderTwoSpellings_IsRefusedRatherThanTakingTheLast()
    {
        var error = AppSynth.Error(app => new Function("worker", new Dictionary<string, object?>
        {
            ["handler"] = "functions/Orders::OrderHandlers.ProcessChanges",
            ["timeout"] = 30,
            ["Timeout"] = 60,
            ["memory"] = 256,
            ["memory_size"] = 512,
        }));

        Assert.Equal(
            [
                "Function 'worker': [\"Timeout\"]: sets timeout again (also given as 'timeout'). Give each setting once.",
                "Function 'worker': [\"memory_size\"]: sets memory again (also given as 'memory'). Give each setting once.",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    public static TheoryData<string, object?, string> WrongDictionaryValues => new()
    {
        { "runtime", 3.12, "must be a runtime such as \"python3.12\" (a string), not 3.12 (Double)." },
        { "description", 42, "must be text (a string), not 42 (Int32)." },
        { "architecture", "sparc", "must be \"x86_64\" or \"arm64\" (or LambdaArchitecture), not \"sparc\"." },
        { "links", "users", "must be a list of tables, functions or links, not \"users\"." },
        { "environment", "A=1", "must be a dictionary of variable names to values, not \"A=1\"." },
        { "tags", new[] { "team" }, "must be a dictionary of tag names to values, not System.String[] (String[])." },
    };

    [Theory]
    [MemberData(nameof(WrongDictionaryValues))]
    public void Function_DictionaryValueOfTheWrongType_IsRefusedNamingTheKey(string key, object? value, string message)
    {
        var error = AppSynth.Error(app => new Function("worker", new Dictionary<string, object?> { ["handler"] = "functions/Orders::OrderHandlers.ProcessChanges", [key] = value }));

        Assert.Equal($"Function 'worker': [\"{key}\"]: {message}", error.Message);
    }

    [Fact]
    public void Function_DictionaryEnvironmentAndTagValuesOfTheWrongType_AreRefusedNamingTheEntry()
    {
        var error = AppSynth.Error(app => new Function("worker", new Dictionary<string, object?>
        {
            ["handler"] = "functions/Orders::OrderHandlers.ProcessChanges",
            ["environment"] = new Dictionary<string, object?> { ["PORT"] = 8080 },
            ["tags"] = new Dictionary<string, object?> { ["team"] = null },
        }));

        Assert.Equal(
            [
                "Function 'worker': [\"environment\"][\"PORT\"]: must be a string or a deferred value such as orders.Name, not 8080 (Int32).",
                "Function 'worker': [\"tags\"][\"team\"]: must be a string, not null.",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData(128, 1)]
    [InlineData(10_240, 900)]
    public void Function_AtTheLimits_IsAccepted(int memory, int timeout)
    {
        var template = AppSynth.Template(app => new Function("edge", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Memory = memory, Timeout = timeout }));

        template.HasResourceProperties("AWS::Lambda::Function", new { MemorySize = memory, Timeout = timeout });
    }

    [Theory]
    [InlineData(127, 60, "Memory: 127 MB is out of range; Lambda accepts 128 to 10,240 MB.")]
    [InlineData(10_241, 60, "Memory: 10241 MB is out of range; Lambda accepts 128 to 10,240 MB.")]
    [InlineData(512, 0, "Timeout: 0 seconds is out of range; Lambda accepts 1 to 900 seconds (15 minutes).")]
    [InlineData(512, 901, "Timeout: 901 seconds is out of range; Lambda accepts 1 to 900 seconds (15 minutes).")]
    public void Function_OutsideTheLimits_IsRefusedWithTheRange(int memory, int timeout, string message)
    {
        var error = AppSynth.Error(app => new Function("edge", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Memory = memory, Timeout = timeout }));

        Assert.Equal($"Function 'edge': {message}", error.Message);
    }

    [Fact]
    public void Function_OnArm64_WritesArm64AndBuildsAnArm64Asset()
    {
        var template = AppSynth.Template(app => new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Architecture = LambdaArchitecture.Arm64 }));

        template.HasResourceProperties("AWS::Lambda::Function", new { Architectures = Match.Exact(new[] { "arm64" }) });
        Assert.Equal("arm64", Assert.Single(template.Result!.Assets).Architecture);
    }

    [Fact]
    public void Function_NativeAot_FollowsTheProjectsPublishAotUnlessGiven()
    {
        var result = AppSynth.Result(app =>
        {
            new Function("from-project", new() { Handler = "functions/Aot::Handlers.Run" });
            new Function("forced-off", new() { Handler = "functions/Aot::Handlers.Run", NativeAot = false });
            new Function("forced-on", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", NativeAot = true });
            new Function("default-off", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" });
        });

        var aot = result.Assets.ToDictionary(a => (Path.GetFileName(a.SourceDirectory), a.NativeAot));
        Assert.Equal(4, aot.Count);
        Assert.NotEqual(aot[("Aot", true)].Hash, aot[("Aot", false)].Hash);
        Assert.NotEqual(aot[("Orders", true)].Hash, aot[("Orders", false)].Hash);
    }

    [Fact]
    public void Functions_SharingAFolderAndOptions_ShareOneAsset()
    {
        var template = AppSynth.Template(app =>
        {
            new Function("first", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" });
            new Function("second", new() { Handler = "functions/Orders::InventoryHandlers.UpdateStock", Memory = 256 });
        });

        var asset = Assert.Single(template.Result!.Assets);
        var keys = template.FindResources("AWS::Lambda::Function").Values.Select(f => f["Properties"]!["Code"]!["S3Key"]!.GetValue<string>()).Distinct();
        Assert.Equal($"assets/{asset.Hash}.zip", Assert.Single(keys));
    }

    [Fact]
    public void Function_WithUnsupportedRuntime_ListsTheAcceptedOnes()
    {
        var error = AppSynth.Error(app => new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Runtime = "dotnet8" }));

        Assert.Equal(
            "Function 'worker': Runtime: 'dotnet8' is not supported. Use \"provided.al2023\" (C#, the default) or \"python3.12\", \"python3.13\", \"python3.14\" (or LambdaRuntime). " +
            "C# functions run as self-contained executables on provided.al2023: leave Runtime out.",
            error.Message);
    }

    [Fact]
    public void Function_PythonWithNativeAot_IsRefused()
    {
        var error = AppSynth.Error(app => new Function("worker", new() { Handler = "functions/orders.handler", Runtime = "python3.13", NativeAot = true }));

        Assert.Equal("Function 'worker': NativeAot: applies to C# functions only; Python code is deployed as it is. Remove NativeAot.", error.Message);
    }

    [Fact]
    public void Function_EnvironmentNamesLambdaRefuses_AreReported()
    {
        var error = AppSynth.Error(app => new Function("worker", new()
        {
            Handler = "functions/Orders::OrderHandlers.ProcessChanges",
            Environment = { ["AWS_REGION"] = "eu-west-1", ["1ST"] = "x", ["A"] = "x", ["GOOD_NAME"] = "x", ["NEWLINE\n"] = "x" },
        }));

        Assert.Equal(4, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.ToString() == "Function 'worker': Environment[\"NEWLINE\n\"]: is not a name Lambda accepts: a letter, then at least one letter, digit or '_'.");
        Assert.Contains(error.Errors, e => e.ToString() == "Function 'worker': Environment[\"AWS_REGION\"]: is set by Lambda itself and cannot be given. Choose another name.");
        Assert.Contains(error.Errors, e => e.ToString() == "Function 'worker': Environment[\"1ST\"]: is not a name Lambda accepts: a letter, then at least one letter, digit or '_'.");
        Assert.Contains(error.Errors, e => e.Property == "Environment[\"A\"]");
    }

    [Fact]
    public void Function_WithDeferredEnvironmentValue_WritesTheIntrinsic()
    {
        var template = AppSynth.Template(app =>
        {
            var users = GuideTables.Users();
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Environment = { ["USERS_ARN"] = users.Arn, ["MODE"] = "strict" } });
        });

        template.HasResourceProperties("AWS::Lambda::Function", new
        {
            Environment = Match.Exact(new { Variables = new JsonObject { ["MODE"] = "strict", ["USERS_ARN"] = Cfn.GetAtt("UsersTable", "Arn") } }),
        });
        template.ResourceCountIs("AWS::IAM::Policy", 0);
    }

    [Fact]
    public void Function_WithLongName_GetsPhysicalAndPolicyNamesShortenedToTheirLimits()
    {
        var name = "process-" + new string('x', 120);
        var template = AppSynth.Template(app =>
        {
            var users = GuideTables.Users();
            new Function(name, new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [users] });
        });

        var policyName = template.OnlyProperties("AWS::IAM::Policy")["PolicyName"]!.GetValue<string>();
        Assert.Equal(128, policyName.Length);
        Assert.Matches("^ProcessXxx+-[0-9a-f]{8}$", policyName);

        var physical = template.OnlyProperties("AWS::Lambda::Function")["FunctionName"]!.GetValue<string>();
        Assert.Equal(64, physical.Length);
        Assert.StartsWith("shop-test-process-xxx", physical, StringComparison.Ordinal);
        Assert.Matches("-[0-9a-f]{8}$", physical);
    }

    [Fact]
    public void Function_TagsAndDescription_GoOnFunctionAndRole()
    {
        var template = AppSynth.Template(app =>
        {
            app.Tags["cost-center"] = "42";
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Description = "Does work", Tags = { ["team"] = "orders" } });
        });

        var expected = Match.Exact(new[]
        {
            new { Key = "cost-center", Value = "42" },
            new { Key = "stelvio:app", Value = "shop" },
            new { Key = "stelvio:stage", Value = "test" },
            new { Key = "team", Value = "orders" },
        });
        template.HasResourceProperties("AWS::Lambda::Function", new { Description = "Does work", Tags = expected });
        template.HasResourceProperties("AWS::IAM::Role", new { Tags = expected });
    }

    [Fact]
    public void Function_DeclaresNoOutput_ItsNameIsReadFromTheDeployedStack()
    {
        var template = AppSynth.Template(app => new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" }));

        Assert.Empty(template.Outputs);
    }

    [Fact]
    public void Function_NameAndArn_AreDeferredReferences()
    {
        Function? function = null;
        StelvioApp.Declare("shop", "test", app => function = new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" }), FixtureProject.Directory);

        Assert.Equal("""{"Ref":"WorkerFunction"}""", function!.Name.ToCloudFormation().ToJsonString());
        Assert.Equal("""{"Fn::GetAtt":["WorkerFunction","Arn"]}""", function.Arn.ToCloudFormation().ToJsonString());
        Assert.Equal("shop-test-worker", function.PhysicalName);
    }

    [Theory]
    [InlineData("AddPropertyOverride")]
    [InlineData("RemovePropertyOverride")]
    [InlineData("AddRolePropertyOverride")]
    [InlineData("RemoveRolePropertyOverride")]
    public void Function_EscapeHatchWithABadPath_IsAConfigErrorNamingTheFunctionAndMethod(string method)
    {
        var error = AppSynth.Error(app =>
        {
            var function = new Function("process-user", new() { Handler = "functions/Orders::UserHandlers.Handler" });
            _ = method switch
            {
                "AddPropertyOverride" => function.AddPropertyOverride("TracingConfig. Mode", "Active"),
                "RemovePropertyOverride" => function.RemovePropertyOverride("TracingConfig. Mode"),
                "AddRolePropertyOverride" => function.AddRolePropertyOverride("TracingConfig. Mode", "Active"),
                _ => function.RemoveRolePropertyOverride("TracingConfig. Mode"),
            };
        });

        Errors.Single(error, "Function 'process-user'", method, "the property path 'TracingConfig. Mode' has an empty segment or spaces around a segment. Give a dotted path such as \"SSESpecification.SSEEnabled\".");
    }

    [Fact]
    public void Function_EscapeHatches_OverrideFunctionAndRoleProperties()
    {
        var template = AppSynth.Template(app => new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" })
            .AddPropertyOverride("TracingConfig.Mode", "Active")
            .AddPropertyOverride("EphemeralStorage.Size", 1024)
            .RemovePropertyOverride("Architectures")
            .AddRolePropertyOverride("MaxSessionDuration", 7200));

        template.HasResourceProperties("AWS::Lambda::Function", new
        {
            TracingConfig = Match.Exact(new { Mode = "Active" }),
            EphemeralStorage = new { Size = 1024 },
            Architectures = Match.Absent(),
        });
        template.HasResourceProperties("AWS::IAM::Role", new { MaxSessionDuration = 7200 });
    }

    [Fact]
    public void Function_DeclaredTwiceWithTheSameApp_GivesByteIdenticalTemplates()
    {
        static void Declare(StelvioApp app)
        {
            var users = GuideTables.Users();
            new Function("process-user", new() { Handler = "functions/Orders::UserHandlers.Handler", Links = [users], Environment = { ["BB"] = "2", ["A1"] = "1" } });
            new Function("py", new() { Handler = "functions/users.handler", Runtime = "python3.12", Links = [users] });
        }

        var first = AppSynth.Result(Declare);
        var second = AppSynth.Result(Declare);

        Assert.Equal(first.TemplateBytes, second.TemplateBytes);
        Assert.Equal(first.GeneratedFiles, second.GeneratedFiles);
        Assert.Equal(first.Assets, second.Assets);
        var names = JsonNode.Parse(first.TemplateBytes)!["Resources"]!["ProcessUserFunction"]!["Properties"]!["Environment"]!["Variables"]!.AsObject().Select(v => v.Key);
        Assert.Equal(["A1", "BB", "STLV_USERS_TABLE_ARN", "STLV_USERS_TABLE_NAME"], names);
    }
}
