using System.Globalization;
using Stelvio.Deploy.CloudFormationApi;

namespace Stelvio.Deploy.AssetBucketStack;

/// <summary>Makes sure the asset bucket of the target's account and region exists, deploying <see cref="BootstrapTemplate"/> when needed.</summary>
internal sealed class Bootstrapper(DeployTarget target)
{
    /// <summary>Whether the bootstrap stack is deployed, complete and at least at <see cref="BootstrapTemplate.Version"/>.</summary>
    public static bool IsCurrent(Stack? stack) =>
        stack is not null
        && stack.Status is "CREATE_COMPLETE" or "UPDATE_COMPLETE" or "UPDATE_ROLLBACK_COMPLETE"
        && int.TryParse(stack.Tag(BootstrapTemplate.VersionTag), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version)
        && version >= BootstrapTemplate.Version;

    /// <summary>The status reported when the bucket is used without its stack (see <see cref="EnsureAsync"/>).</summary>
    public const string BucketWithoutStack = "BUCKET_WITHOUT_STACK";

    /// <summary>
    /// Returns the bucket name, first deploying the bootstrap stack when it is missing or older than this
    /// version (or always, when <paramref name="force"/>). A bucket that outlived its stack (the stack was
    /// deleted; the bucket is retained by its deletion policy) is used as it is, since a new stack could not
    /// create a bucket of the same name.
    /// </summary>
    /// <param name="force">Deploy the template even if the stack is current (the <c>bootstrap</c> command).</param>
    /// <param name="note">Receives lines worth telling the user.</param>
    /// <param name="onEvent">Receives the bootstrap stack's events while it changes.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<BootstrapResult> EnsureAsync(bool force, Action<string> note, Action<StackEvent> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        var bucket = target.AssetBucket;
        var stack = await target.CloudFormation.DescribeStackAsync(BootstrapTemplate.StackName, cancellationToken);
        if (!force && IsCurrent(stack))
        {
            return new BootstrapResult(bucket, Changed: false, stack!.Status);
        }

        if (HoldsNoBucket(stack) && await target.Store.BucketExistsAsync(bucket, cancellationToken))
        {
            note($"The asset bucket {bucket} exists without its stack {BootstrapTemplate.StackName} (the stack was deleted, the bucket kept); using the bucket as it is." +
                (force
                    ? $" To manage it by the stack again, import it into a new {BootstrapTemplate.StackName} stack (CloudFormation resource import), or empty and delete the bucket and run 'bootstrap' again."
                    : ""));
            return new BootstrapResult(bucket, Changed: false, BucketWithoutStack);
        }

        note(stack is null
            ? $"Creating the asset bucket {bucket} (stack {BootstrapTemplate.StackName}, once per account and region)."
            : $"Updating stack {BootstrapTemplate.StackName} (asset bucket {bucket}).");
        var deployment = new StackDeployment(target);
        var template = new TemplateSource(System.Text.Encoding.UTF8.GetString(BootstrapTemplate.Render()), null);
        var plan = await deployment.PlanAsync(BootstrapTemplate.StackName, template, BootstrapTemplate.Tags, note, cancellationToken);
        if (plan.IsEmpty)
        {
            return new BootstrapResult(bucket, Changed: false, stack?.Status ?? "UNKNOWN");
        }

        var result = await deployment.ExecuteAsync(plan, onEvent, cancellationToken);
        if (!result.Succeeded)
        {
            var failure = result.Failures.FirstOrDefault();
            var reason = failure is null ? result.StatusReason : $"{failure.LogicalResourceId}: {failure.ResourceStatusReason}";
            throw new DeployException($"The bootstrap stack '{BootstrapTemplate.StackName}' ended in {result.FinalStatus}: {reason ?? "no reason given"}. Fix the cause (often a permission) and run 'bootstrap' again.");
        }

        return new BootstrapResult(bucket, Changed: true, result.FinalStatus);
    }

    /// <summary>
    /// The bucket if it can be used without changing anything: the bootstrap stack is current, or the bucket
    /// exists without it. Null when only a bootstrap would make it usable.
    /// </summary>
    public async Task<string?> FindAsync(CancellationToken cancellationToken)
    {
        var stack = await target.CloudFormation.DescribeStackAsync(BootstrapTemplate.StackName, cancellationToken);
        return IsCurrent(stack) || await target.Store.BucketExistsAsync(target.AssetBucket, cancellationToken) ? target.AssetBucket : null;
    }

    // No stack, or one whose first create failed: whatever bucket exists was not made by it.
    private static bool HoldsNoBucket(Stack? stack) =>
        stack is null || stack.Status is "ROLLBACK_COMPLETE" or "ROLLBACK_FAILED" or "CREATE_FAILED" or "REVIEW_IN_PROGRESS";
}

/// <summary>The outcome of a bootstrap: the bucket, whether the stack changed, and its status.</summary>
internal sealed record BootstrapResult(string Bucket, bool Changed, string Status);
