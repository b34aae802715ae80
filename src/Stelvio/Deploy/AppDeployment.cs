using System.Text.Json.Nodes;
using Stelvio.Assets;
using Stelvio.Deploy.AssetBucketStack;
using Stelvio.Deploy.AssetPublishing;
using Stelvio.Deploy.Aws;
using Stelvio.Deploy.CloudFormationApi;

namespace Stelvio.Deploy;

/// <summary>
/// One synthesized app on its way to a stack: uploads what the template needs (function zips, the
/// template itself when large, creating the asset bucket on first use), then plans the change set.
/// </summary>
internal sealed class AppDeployment(DeployTarget target, SynthResult synth)
{
    private string? bucket;

    /// <summary>The stack: <c>{app}-{stage}</c>.</summary>
    public string StackName => synth.StackName;

    /// <summary>The stack's tags: <c>stelvio:app</c>, <c>stelvio:stage</c> and the app's tags.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags => synth.App.TagsFor(null);

    /// <summary>The new template, parsed.</summary>
    public JsonObject Template => (JsonObject)JsonNode.Parse(synth.TemplateBytes)!;

    /// <summary>Uploads the function assets absent from the bucket and returns how the template reaches CloudFormation.</summary>
    /// <param name="progress">Receives notes and upload results.</param>
    /// <param name="uploadAssets">
    /// Whether this prepares a deploy: builds and uploads function assets, creating the asset bucket when needed.
    /// False for <c>diff</c>, which needs only the template and creates nothing: a template over the inline limit
    /// then goes through the bucket only if it already exists, and otherwise fails saying to bootstrap first.
    /// </param>
    /// <param name="cancellationToken">Stops the uploads.</param>
    public async Task<(TemplateSource Template, IReadOnlyList<AssetUpload> Uploads)> PrepareAsync(IDeployProgress progress, bool uploadAssets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        IReadOnlyList<AssetUpload> uploads = [];
        if (uploadAssets && synth.Assets.Count > 0)
        {
            var name = await BucketAsync(progress, cancellationToken);
            try
            {
                uploads = await new AssetPublisher(target.Services.AssetBuilder(synth.App), target.Store)
                    .PublishAsync(name, synth.Assets, progress.AssetPublished, cancellationToken, progress.StepAsync, asset => string.Join(", ", synth.FunctionsOf(asset)));
            }
            catch (AssetBuildException exception)
            {
                // A handler that does not build is the app's problem to fix: a configuration error naming its functions.
                throw new StelvioConfigException(string.Join(", ", synth.FunctionsOf(exception.Asset).Select(f => $"Function '{f}'")), "Handler", exception.Message);
            }
        }

        var template = await TemplateSource.PrepareAsync(
            synth.TemplateBytes,
            StackName,
            uploadAssets ? () => BucketAsync(progress, cancellationToken) : () => ExistingBucketAsync(cancellationToken),
            target.Store,
            cancellationToken);
        return (template, uploads);
    }

    /// <summary>Creates the change set and waits for CloudFormation to compute it.</summary>
    public async Task<ChangeSetPlan> PlanAsync(TemplateSource template, IDeployProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ChangeSetPlan? plan = null;
        await progress.StepAsync($"Creating the change set of stack {StackName}", async () =>
            plan = await new StackDeployment(target).PlanAsync(StackName, template, Tags, progress.Note, cancellationToken));
        return plan!;
    }

    /// <summary>The deployed template, parsed; null when the stack does not exist or its template is not JSON.</summary>
    public async Task<JsonObject?> DeployedTemplateAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Diff.TemplateDiff.Parse(await target.CloudFormation.GetTemplateAsync(StackName, cancellationToken));
        }
        catch (AwsServiceException exception)
        {
            throw AwsErrors.Describe(exception, target.Session, StackName);
        }
    }

    private async Task<string> ExistingBucketAsync(CancellationToken cancellationToken)
    {
        string? existing;
        try
        {
            existing = await new Bootstrapper(target).FindAsync(cancellationToken);
        }
        catch (AwsServiceException exception)
        {
            throw AwsErrors.Describe(exception, target.Session, BootstrapTemplate.StackName);
        }

        return existing ?? throw new DeployException(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"The template of stack '{StackName}' is {synth.TemplateBytes.Length:N0} bytes, over CloudFormation's {Stelvio.CloudFormation.StackLimits.MaxTemplateBodyBytes:N0}-byte inline limit, " +
            $"so it must go through the asset bucket {target.AssetBucket}, which does not exist yet in {target.Session.Region}. " +
            $"Run 'bootstrap' (or 'deploy') first; diff creates nothing."));
    }

    private async Task<string> BucketAsync(IDeployProgress progress, CancellationToken cancellationToken)
    {
        if (bucket is null)
        {
            try
            {
                var result = await new Bootstrapper(target).EnsureAsync(force: false, progress.Note, progress.BootstrapEvent, cancellationToken);
                bucket = result.Bucket;
            }
            catch (AwsServiceException exception)
            {
                throw AwsErrors.Describe(exception, target.Session, BootstrapTemplate.StackName);
            }
        }

        return bucket;
    }
}

/// <summary>Where a deploy reports what it does before the change set is shown.</summary>
internal interface IDeployProgress
{
    /// <summary>A line worth telling the user.</summary>
    void Note(string message);

    /// <summary>A function asset was found in the bucket or uploaded.</summary>
    void AssetPublished(AssetUpload upload);

    /// <summary>An event of the bootstrap stack while the asset bucket is created.</summary>
    void BootstrapEvent(StackEvent stackEvent);

    /// <summary>Runs a step that may take a while (a build, an upload, waiting for CloudFormation), showing it and its duration.</summary>
    Task StepAsync(string description, Func<Task> work);
}
