using System.Diagnostics;
using Stelvio.Deploy.AssetBucketStack;
using Stelvio.Deploy.Tests.Support;
using Stelvio.Testing;

namespace Stelvio.Deploy.Tests.AssetBucketStack;

/// <summary>The bootstrap stack's template, property by property (moto ignores most of these, see MotoDeployTests).</summary>
public sealed class BootstrapTemplateTests
{
    private static Template Bootstrap => Template.FromJson(System.Text.Encoding.UTF8.GetString(BootstrapTemplate.Render()));

    [Fact]
    public void TheBucket_IsNamedForTheAccountAndRegion_Encrypted_Private_Versioned_AndExpiresOldVersions()
    {
        var template = Bootstrap;

        template.ResourceCountIs("AWS::S3::Bucket", 1);
        template.HasResourceProperties("AWS::S3::Bucket", new
        {
            BucketName = System.Text.Json.Nodes.JsonNode.Parse("""{"Fn::Sub": "stelvio-assets-${AWS::AccountId}-${AWS::Region}"}"""),
            BucketEncryption = new { ServerSideEncryptionConfiguration = new[] { new { ServerSideEncryptionByDefault = new { SSEAlgorithm = "AES256" } } } },
            PublicAccessBlockConfiguration = new { BlockPublicAcls = true, BlockPublicPolicy = true, IgnorePublicAcls = true, RestrictPublicBuckets = true },
            OwnershipControls = new { Rules = new[] { new { ObjectOwnership = "BucketOwnerEnforced" } } },
            VersioningConfiguration = new { Status = "Enabled" },
            LifecycleConfiguration = new
            {
                Rules = new[]
                {
                    new { Id = "expire-old-versions", Status = "Enabled", NoncurrentVersionExpiration = new { NoncurrentDays = 30 }, AbortIncompleteMultipartUpload = new { DaysAfterInitiation = 1 } },
                },
            },
        });
    }

    [Fact]
    public void TheBucket_IsRetainedWhenTheBootstrapStackGoes_SinceDeployedFunctionsStillUseIt()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(BootstrapTemplate.Render())!;

        Assert.Equal("Retain", json["Resources"]!["AssetBucket"]!["DeletionPolicy"]!.GetValue<string>());
        Assert.Equal("Retain", json["Resources"]!["AssetBucket"]!["UpdateReplacePolicy"]!.GetValue<string>());
    }

    [Fact]
    public void ThePolicy_DeniesEveryRequestWithoutTls()
    {
        Bootstrap.HasResourceProperties("AWS::S3::BucketPolicy", new
        {
            Bucket = new { Ref = "AssetBucket" },
            PolicyDocument = new
            {
                Statement = new[]
                {
                    new { Effect = "Deny", Principal = "*", Action = "s3:*", Condition = System.Text.Json.Nodes.JsonNode.Parse("""{"Bool": {"aws:SecureTransport": "false"}}""") },
                },
            },
        });
    }

    [Fact]
    public void TheStackTags_CarryTheTemplateVersion() =>
        Assert.Contains(BootstrapTemplate.Tags, t => t.Key == "stelvio:bootstrap-version" && t.Value == BootstrapTemplate.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task TheTemplate_PassesCfnLint()
    {
        var file = Path.Combine(Path.GetTempPath(), $"stelvio-bootstrap-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(file, BootstrapTemplate.Render());
        await CfnLint.AssertPassesAsync(file);
    }

    [Theory]
    [InlineData(null, "CREATE_COMPLETE", false)]
    [InlineData("1", "CREATE_COMPLETE", true)]
    [InlineData("1", "UPDATE_ROLLBACK_COMPLETE", true)]
    [InlineData("0", "UPDATE_COMPLETE", false)]
    [InlineData("1", "ROLLBACK_COMPLETE", false)]
    public void IsCurrent_WantsACompleteStackOfThisVersion(string? version, string status, bool current)
    {
        var tags = version is null ? [] : new List<KeyValuePair<string, string>> { new(BootstrapTemplate.VersionTag, version) };
        var stack = new Stelvio.Deploy.CloudFormationApi.Stack("id", BootstrapTemplate.StackName, status, null, null, null, [], tags);

        Assert.Equal(current, Bootstrapper.IsCurrent(stack));
    }
}
