using System.Globalization;
using System.Text.Json.Nodes;
using Stelvio.Assets;
using Stelvio.CloudFormation;

namespace Stelvio.Deploy.AssetBucketStack;

/// <summary>
/// The <c>stelvio-bootstrap</c> stack: the one asset bucket of an account and region,
/// <c>stelvio-assets-{account}-{region}</c>. Encrypted (SSE-S3), public access blocked, objects owned by
/// the bucket owner, TLS required, versioned, with old versions expired after
/// <see cref="NoncurrentVersionDays"/> days. The bucket is retained when the stack is deleted, since
/// deployed functions still point at their zips.
/// </summary>
internal static class BootstrapTemplate
{
    /// <summary>The stack's name.</summary>
    public const string StackName = "stelvio-bootstrap";

    /// <summary>The version of this template, written as the stack tag <see cref="VersionTag"/>; a lower deployed version is updated on the next deploy.</summary>
    public const int Version = 1;

    /// <summary>The stack tag holding <see cref="Version"/>.</summary>
    public const string VersionTag = "stelvio:bootstrap-version";

    /// <summary>Days a replaced or deleted asset version is kept before S3 expires it.</summary>
    public const int NoncurrentVersionDays = 30;

    /// <summary>The template as CloudFormation JSON.</summary>
    public static byte[] Render()
    {
        var template = new CfnTemplate { Description = "Stelvio bootstrap: the asset bucket for function code and large templates of this account and region." };
        var bucket = template.Add(new CfnResource("AssetBucket", "AWS::S3::Bucket", new JsonObject
        {
            ["BucketName"] = AssetBucket.Name.ToCloudFormation(),
            ["BucketEncryption"] = new JsonObject
            {
                ["ServerSideEncryptionConfiguration"] = new JsonArray(new JsonObject
                {
                    ["ServerSideEncryptionByDefault"] = new JsonObject { ["SSEAlgorithm"] = "AES256" },
                }),
            },
            ["PublicAccessBlockConfiguration"] = new JsonObject
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
            ["OwnershipControls"] = new JsonObject
            {
                ["Rules"] = new JsonArray(new JsonObject { ["ObjectOwnership"] = "BucketOwnerEnforced" }),
            },
            ["VersioningConfiguration"] = new JsonObject { ["Status"] = "Enabled" },
            ["LifecycleConfiguration"] = new JsonObject
            {
                ["Rules"] = new JsonArray(new JsonObject
                {
                    ["Id"] = "expire-old-versions",
                    ["Status"] = "Enabled",
                    ["NoncurrentVersionExpiration"] = new JsonObject { ["NoncurrentDays"] = NoncurrentVersionDays },
                    ["AbortIncompleteMultipartUpload"] = new JsonObject { ["DaysAfterInitiation"] = 1 },
                }),
            },
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "stelvio:bootstrap", ["Value"] = "true" }),
        }));
        bucket.DeletionPolicy = "Retain";
        bucket.UpdateReplacePolicy = "Retain";

        template.Add(new CfnResource("AssetBucketPolicy", "AWS::S3::BucketPolicy", new JsonObject
        {
            ["Bucket"] = new JsonObject { ["Ref"] = "AssetBucket" },
            ["PolicyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject
                {
                    ["Sid"] = "RequireTls",
                    ["Effect"] = "Deny",
                    ["Principal"] = "*",
                    ["Action"] = "s3:*",
                    ["Resource"] = new JsonArray(
                        new JsonObject { ["Fn::GetAtt"] = new JsonArray("AssetBucket", "Arn") },
                        new JsonObject { ["Fn::Sub"] = "${AssetBucket.Arn}/*" }),
                    ["Condition"] = new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" } },
                }),
            },
        }));

        template.AddOutput("BucketName", new JsonObject { ["Ref"] = "AssetBucket" }, "The asset bucket");
        template.AddOutput("BootstrapVersion", JsonValue.Create(Version.ToString(CultureInfo.InvariantCulture)), "The version of the Stelvio bootstrap template");
        return TemplateWriter.ToUtf8Bytes(template);
    }

    /// <summary>The stack's tags.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Tags { get; } =
    [
        new("stelvio:bootstrap", "true"),
        new(VersionTag, Version.ToString(CultureInfo.InvariantCulture)),
    ];
}
