using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stelvio.Assets;
using Stelvio.Aws.Iam;
using Stelvio.CloudFormation;
using Stelvio.CloudFormation.Resources;
using Stelvio.Links;
using Stelvio.Naming;

namespace Stelvio.Aws.Lambda;

/// <summary>
/// A Lambda function: its code (see <see cref="FunctionConfig.Handler"/> for the handler grammar), an IAM role of
/// its own (trusting <c>lambda.amazonaws.com</c>, with <c>AWSLambdaBasicExecutionRole</c> for its logs) and a
/// policy holding the statements of its links, in link order. Its physical name is <c>{app}-{stage}-{name}</c>.
/// </summary>
/// <example>
/// <code>
/// var users = new DynamoTable("users", new() { Fields = { ["user_id"] = "string" }, PartitionKey = "user_id" });
/// new Function("process-user", new()
/// {
///     Handler = "functions/Orders::UserHandlers.Handler",
///     Links = [users],   // table and index access, STLV_USERS_TABLE_NAME and STLV_USERS_TABLE_ARN
///     Memory = 512,
///     Timeout = 60,
/// });
/// </code>
/// </example>
public sealed partial class Function : Component, ILinkable
{
    /// <summary>The name of the one typed access file per folder of earlier versions, still left out of source hashes; delete it when upgrading, since each function now has its own file.</summary>
    public const string ResourcesFileName = "StelvioResources.g.cs";

    /// <summary>The typed access file of this function in its C# project folder: <c>StelvioResources.{name}.g.cs</c>.</summary>
    public string TypedAccessFileName => $"StelvioResources.{ComponentName}.g.cs";

    /// <summary>The typed access module of this function in its Python folder: <c>stlv_resources_{name in snake case}.py</c>.</summary>
    internal string PythonAccessFileName => ResourcesFile.PythonModuleName(ComponentName) + ".py";

    private static readonly HashSet<string> ReservedVariables = new(StringComparer.Ordinal)
    {
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_RUNTIME_API", "AWS_REGION", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "LAMBDA_RUNTIME_DIR", "LAMBDA_TASK_ROOT",
    };

    /// <summary>Most bytes of all of a function's environment variables, as the JSON object Lambda stores.</summary>
    private const int MaxEnvironmentBytes = 4096;

    private static readonly System.Text.Json.JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly PropertyOverrides functionOverrides = new();
    private readonly PropertyOverrides roleOverrides = new();
    private readonly List<IFunctionTrigger> triggers = [];
    private IReadOnlyList<Link> resolvedLinks = [];

    /// <summary>Declares a function. Settings are checked here; the handler's folder and the links at synth.</summary>
    public Function(string name, FunctionConfig config)
        : base("Function", name)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new ConfigErrors(Display);
        Declared = FunctionConfigDictionary.Read(errors, config with { }); // its own copy: later changes to the caller's object change nothing
        var defaults = App.FunctionDefaults;
        var givenRuntime = Declared.Runtime ?? defaults.Runtime;
        var runtime = FunctionSettingRules.Runtime(errors, "Runtime", givenRuntime);
        var python = runtime is { } known && LambdaRuntimes.IsPython(known);
        Runtime = LambdaRuntimes.ToLambda(runtime ?? LambdaRuntime.Dotnet);
        if (givenRuntime is null || runtime is not null)
        {
            // The handler's form depends on the runtime, so an unknown runtime is reported alone.
            Handler = FunctionHandler.Parse(errors, Declared.Handler, python)!;
        }

        Memory = Declared.Memory ?? defaults.Memory ?? FunctionConfig.DefaultMemory;
        FunctionSettingRules.Memory(errors, "Memory", Memory);
        Timeout = FunctionSettingRules.TimeoutSeconds(errors, "Timeout", Declared.Timeout ?? defaults.Timeout) ?? FunctionConfig.DefaultTimeout;
        Architecture = Declared.Architecture ?? defaults.Architecture ?? LambdaArchitecture.X86_64;
        if (python && Declared.NativeAot == true)
        {
            errors.Add("NativeAot", "applies to C# functions only; Python code is deployed as it is. Remove NativeAot.");
        }

        if (Declared.Description is { Length: > FunctionConfig.MaxDescriptionLength } description)
        {
            errors.Add("Description", $"has {description.Length} characters; Lambda accepts at most {FunctionConfig.MaxDescriptionLength}. Shorten it.");
        }

        CheckEnvironment(errors, Declared.Environment);
        if (Declared.Links is null || Declared.Links.Any(l => l is null))
        {
            errors.Add("Links", "holds null. List tables, functions or Link objects.");
        }

        errors.ThrowIfAny();

        PhysicalName = App.PhysicalName(name, NameRules.FunctionNameMax);
        LogicalId = LogicalIdPrefix + "Function";
        RoleLogicalId = LogicalIdPrefix + "Role";
        PolicyLogicalId = LogicalIdPrefix + "Policy";
        Name = Deferred.Ref(LogicalId).Of(Display, "Name");
        Arn = Deferred.GetAtt(LogicalId, "Arn").Of(Display, "Arn");
    }

    /// <summary>A copy of the configuration in force (a dictionary configuration, read), as it was checked; changing it changes nothing.</summary>
    public FunctionConfig Config => Declared with { };

    /// <summary>The function's own copy of its configuration, taken and checked at declaration: later changes to the caller's object do not reach it.</summary>
    internal FunctionConfig Declared { get; }

    /// <summary>The function's name in AWS: <c>{app}-{stage}-{name}</c>, shortened with a hash past 64 characters.</summary>
    public string PhysicalName { get; }

    /// <summary>The logical ID of the function in the template.</summary>
    public string LogicalId { get; }

    /// <summary>The logical ID of the function's role.</summary>
    public string RoleLogicalId { get; }

    /// <summary>The logical ID of the function's policy (written only when the function has permissions).</summary>
    public string PolicyLogicalId { get; }

    /// <summary>The deployed function's name (<c>Ref</c>).</summary>
    public Deferred<string> Name { get; }

    /// <summary>The deployed function's ARN (<c>Fn::GetAtt Arn</c>).</summary>
    public Deferred<string> Arn { get; }

    /// <summary>The Lambda runtime: <c>provided.al2023</c> for C#, or the Python runtime given.</summary>
    public string Runtime { get; }

    /// <summary>Memory in MB.</summary>
    public int Memory { get; }

    /// <summary>Timeout in whole seconds.</summary>
    public int Timeout { get; }

    /// <summary>The processor.</summary>
    public LambdaArchitecture Architecture { get; }

    /// <summary>The links in force at the last synth, in order (the app's overrides applied).</summary>
    public IReadOnlyList<Link> ResolvedLinks => resolvedLinks;

    internal FunctionHandler Handler { get; } = null!;

    /// <summary>Escape hatch: sets a raw CloudFormation property of the function resource by dotted path (<c>"TracingConfig.Mode"</c>).</summary>
    public Function AddPropertyOverride(string path, object? value)
    {
        functionOverrides.Set(path, value, Display, "AddPropertyOverride");
        return this;
    }

    /// <summary>Escape hatch: removes a property Stelvio wrote to the function resource.</summary>
    public Function RemovePropertyOverride(string path)
    {
        functionOverrides.Remove(path, Display, "RemovePropertyOverride");
        return this;
    }

    /// <summary>Escape hatch: sets a raw CloudFormation property of the function's role by dotted path (<c>"MaxSessionDuration"</c>).</summary>
    public Function AddRolePropertyOverride(string path, object? value)
    {
        roleOverrides.Set(path, value, Display, "AddRolePropertyOverride");
        return this;
    }

    /// <summary>Escape hatch: removes a property Stelvio wrote to the function's role.</summary>
    public Function RemoveRolePropertyOverride(string path)
    {
        roleOverrides.Remove(path, Display, "RemoveRolePropertyOverride");
        return this;
    }

    internal void AddTrigger(IFunctionTrigger trigger) => triggers.Add(trigger);

    internal override void Validate(List<ConfigError> errors)
    {
        Handler.CheckOnDisk(App.ProjectDirectory, message => errors.Add(new ConfigError(Display, "Handler", message)));
        resolvedLinks = ResolveLinks(errors);
        foreach (var link in resolvedLinks)
        {
            if (link.Component is { } component && component.App != App)
            {
                errors.Add(new ConfigError(Display, "Links", $"'{link.Name}' is {component.Display} of another app ('{component.App.Name}'). Link only components of the same app."));
            }
            else if (link.Component == this)
            {
                errors.Add(new ConfigError(Display, "Links", "the function links itself; its settings would refer to its own ARN, which CloudFormation cannot create. Remove it from Links."));
            }
        }

        LinkVariables(resolvedLinks, (property, message) => errors.Add(new ConfigError(Display, property, message)));
        CheckCycle(errors);
        var deployed = new DeployedValueEstimate(App);
        CheckEnvironmentSize(errors, deployed);
        CheckPolicySize(errors, deployed);
    }

    internal override void Synthesize(SynthContext context)
    {
        var asset = Asset(context);
        var tags = App.TagsFor(Declared.Tags);

        var role = context.Add(this, RoleLogicalId, CfnRole.Type, new CfnRole
        {
            AssumeRolePolicyDocument = IamPolicies.TrustPolicy("lambda.amazonaws.com"),
            ManagedPolicyArns = [IamPolicies.LambdaBasicExecution.ToCloudFormation()],
            Tags = tags,
        }.Render());
        roleOverrides.ApplyTo(role);

        var permissions = Permissions();
        string? policy = null;
        if (permissions.Length > 0)
        {
            policy = PolicyLogicalId;
            context.Add(this, PolicyLogicalId, CfnPolicy.Type, new CfnPolicy
            {
                PolicyName = NameRules.Shorten(PolicyLogicalId, IamPolicies.PolicyNameMax),
                PolicyDocument = IamPolicies.Document(permissions),
                Roles = [Deferred.Ref(RoleLogicalId).ToCloudFormation()],
            }.Render());
        }

        var function = context.Add(this, LogicalId, CfnFunction.Type, new CfnFunction
        {
            FunctionName = PhysicalName,
            Description = Declared.Description,
            Runtime = Runtime,
            Handler = Handler.LambdaHandler,
            CodeS3Bucket = AssetBucket.Name.ToCloudFormation(),
            CodeS3Key = asset.S3Key,
            Role = Deferred.GetAtt(RoleLogicalId, "Arn").ToCloudFormation(),
            MemorySize = Memory,
            Timeout = Timeout,
            Architecture = LambdaArchitectures.ToLambda(Architecture),
            Environment = [.. Environment().Select(e => new KeyValuePair<string, JsonNode>(e.Key, e.Value.ToCloudFormation()))],
            Tags = tags,
        }.Render());
        if (policy is not null)
        {
            // The role must hold its permissions before the function runs (and before a mapping checks them).
            function.DependsOn.Add(policy);
        }

        functionOverrides.ApplyTo(function);

        // No output: the 'outputs' command reads the function's name from the deployed stack (Deploy/StackOutputs),
        // so functions do not use up CloudFormation's 200-output quota.

        foreach (var trigger in triggers)
        {
            trigger.Synthesize(context, this, policy);
        }
    }

    /// <summary>The statements of the function's policy: its triggers' (stream read access), then its links', in link order.</summary>
    private AwsPermission[] Permissions() => [.. triggers.SelectMany(t => t.Permissions), .. resolvedLinks.SelectMany(l => l.Permissions)];

    private void CheckEnvironmentSize(List<ConfigError> errors, IDeferredResolver deployed)
    {
        // Lambda measures the variables as the JSON object it stores: {"NAME":"value",...}.
        var variables = Environment();
        var json = new JsonObject(variables.Select(v => new KeyValuePair<string, JsonNode?>(v.Key, v.Value.Resolve(deployed))));
        var size = Encoding.UTF8.GetByteCount(json.ToJsonString(RelaxedJson));
        if (size > MaxEnvironmentBytes)
        {
            var fromLinks = variables.Keys.Count(k => !Declared.Environment.ContainsKey(k));
            errors.Add(new ConfigError(Display, "Environment",
                $"the function's environment would take about {size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes ({Count(variables.Count, "variable")}, {fromLinks} of them from links); " +
                $"Lambda allows at most {MaxEnvironmentBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes (4 KB) for all of a function's variables, so the deploy would fail. " +
                "Remove link properties the code does not read (link.RemoveProperties(…)) or shorten the values."));
        }
    }

    private void CheckPolicySize(List<ConfigError> errors, IDeferredResolver deployed)
    {
        var permissions = Permissions();
        var size = InlinePolicySize.Estimate(permissions, deployed);
        if (size > InlinePolicySize.MaxRoleCharacters)
        {
            errors.Add(new ConfigError(Display, "Links",
                $"the function's policy would have about {size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters ({Count(permissions.Length, "statement")} from {Count(resolvedLinks.Count, "link")}" +
                (triggers.Count > 0 ? " and its stream subscription" : "") + $"); IAM allows at most {InlinePolicySize.MaxRoleCharacters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters of inline policy per role, " +
                "so the deploy would fail. Link fewer components (split the work over several functions), or replace several links by one custom " +
                "Link whose AwsPermission lists their actions once over all their resources."));
        }
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private FunctionAsset Asset(SynthContext context)
    {
        var folder = Handler.FullFolder(App.ProjectDirectory);
        var architecture = LambdaArchitectures.ToLambda(Architecture);
        var aot = Handler.Kind == AssetKind.DotnetProject && (Declared.NativeAot ?? ProjectPublishesAot(Handler.ProjectFile(App.ProjectDirectory)));
        var asset = context.Assets.Values.FirstOrDefault(a => a.Kind == Handler.Kind && a.SourceDirectory == folder && a.Architecture == architecture && a.NativeAot == aot);
        if (asset is null)
        {
            // The typed access files go into the zip, so their content is part of the hash; so are the handlers of
            // the functions built from the folder, which the build checks the program registers.
            var generated = ResourcesFile.AddFor(context, this);
            var handlers = App.Components.OfType<Function>()
                .Where(f => f.Handler.Kind == Handler.Kind && f.Handler.FullFolder(f.App.ProjectDirectory) == folder)
                .Select(f => new AssetHandler(f.Display, f.Declared.Handler!, f.Handler.LambdaHandler))
                .ToList();
            asset = FunctionAsset.For(Handler.Kind, folder, architecture, aot, generated, handlers);
            context.Assets[asset.Hash] = asset;
        }

        if (!context.AssetFunctions.TryGetValue(asset.Hash, out var functions))
        {
            context.AssetFunctions[asset.Hash] = functions = [];
        }

        functions.Add(ComponentName);
        return asset;
    }

    /// <summary>Whether the project file sets <c>&lt;PublishAot&gt;true&lt;/PublishAot&gt;</c>.</summary>
    internal static bool ProjectPublishesAot(string projectFile)
    {
        var document = System.Xml.Linq.XDocument.Load(projectFile);
        return document.Descendants().Any(e => e.Name.LocalName == "PublishAot" && string.Equals(e.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9_]+\z")]
    private static partial Regex VariableNamePattern();

    private static void CheckEnvironment(ConfigErrors errors, Dictionary<string, LinkValue>? environment)
    {
        foreach (var name in environment?.Keys ?? Enumerable.Empty<string>())
        {
            if (!VariableNamePattern().IsMatch(name))
            {
                errors.Add($"Environment[\"{name}\"]", "is not a name Lambda accepts: a letter, then at least one letter, digit or '_'.");
            }
            else if (ReservedVariables.Contains(name))
            {
                errors.Add($"Environment[\"{name}\"]", "is set by Lambda itself and cannot be given. Choose another name.");
            }
        }
    }
}
