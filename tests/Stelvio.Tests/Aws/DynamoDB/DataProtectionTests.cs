using Stelvio.Aws.DynamoDB;
using Stelvio.Testing;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.DynamoDB;

/// <summary>Time to live, point-in-time recovery, deletion protection and the removal policy.</summary>
public sealed class DataProtectionTests
{
    private const string Orders = "DynamoTable 'orders'";

    [Fact]
    public void Defaults_WriteNoTtlPitrOrDeletionProtection_AndDeleteOnAnUnprotectedStage()
    {
        var template = Synth.Template(app => Orders_(new() { Fields = { ["id"] = "string" }, PartitionKey = "id" }));

        template.HasResource("AWS::DynamoDB::Table", new
        {
            DeletionPolicy = "Delete",
            UpdateReplacePolicy = "Delete",
            Properties = new
            {
                TimeToLiveSpecification = Match.Absent(),
                PointInTimeRecoverySpecification = Match.Absent(),
                DeletionProtectionEnabled = Match.Absent(),
            },
        });
    }

    [Fact]
    public void TimeToLive_WritesTheAttributeEnabled()
    {
        var template = Synth.Template(app => Orders_(new() { Fields = { ["id"] = "string" }, PartitionKey = "id", TimeToLiveAttribute = "expires_at" }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            TimeToLiveSpecification = Match.Exact(new { AttributeName = "expires_at", Enabled = true }),
            AttributeDefinitions = Match.Exact(new[] { new { AttributeName = "id", AttributeType = "S" } }),
        });
    }

    [Fact]
    public void TimeToLive_DeclaredAsNumberField_IsNotDefinedAndNotWarnedAbout()
    {
        var template = Synth.Template(app => Orders_(new()
        {
            Fields = { ["id"] = "string", ["expires_at"] = "number" },
            PartitionKey = "id",
            TimeToLiveAttribute = "expires_at",
        }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            TimeToLiveSpecification = new { AttributeName = "expires_at" },
            AttributeDefinitions = Match.Exact(new[] { new { AttributeName = "id", AttributeType = "S" } }),
        });
        Assert.Empty(template.Warnings);
    }

    [Fact]
    public void TimeToLive_DeclaredAsStringField_Throws()
    {
        var error = Synth.Error(app => Orders_(new()
        {
            Fields = { ["id"] = "string", ["expires_at"] = "string" },
            PartitionKey = "id",
            TimeToLiveAttribute = "expires_at",
        }));

        Errors.Single(error, Orders, "TimeToLiveAttribute", "'expires_at' is declared as a string field; DynamoDB reads expiry times only from number attributes holding epoch seconds. Declare it as \"number\".");
    }

    [Fact]
    public void TimeToLive_Empty_Throws()
    {
        var error = Synth.Error(app => Orders_(new() { Fields = { ["id"] = "string" }, PartitionKey = "id", TimeToLiveAttribute = "" }));

        Errors.Single(error, Orders, "TimeToLiveAttribute", "is empty. Name the number attribute that holds each item's expiry time (epoch seconds), or leave it out.");
    }

    [Fact]
    public void TimeToLive_LongerThan255_Throws()
    {
        var error = Synth.Error(app => Orders_(new() { Fields = { ["id"] = "string" }, PartitionKey = "id", TimeToLiveAttribute = new string('t', 256) }));

        Errors.Single(error, Orders, "TimeToLiveAttribute", "has 256 characters; DynamoDB allows at most 255.");
    }

    [Fact]
    public void PointInTimeRecoveryAndDeletionProtection_AreWritten()
    {
        var template = Synth.Template(app => Orders_(new()
        {
            Fields = { ["id"] = "string" },
            PartitionKey = "id",
            PointInTimeRecovery = true,
            DeletionProtection = true,
        }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            PointInTimeRecoverySpecification = Match.Exact(new { PointInTimeRecoveryEnabled = true }),
            DeletionProtectionEnabled = true,
        });
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("production")]
    public void RemovalPolicy_OnAProtectedStage_DefaultsToRetain(string stage)
    {
        DynamoTable? table = null;
        var template = Synth.Template(app => table = Orders_(new() { Fields = { ["id"] = "string" }, PartitionKey = "id" }), stage);

        template.HasResource("AWS::DynamoDB::Table", new { DeletionPolicy = "Retain", UpdateReplacePolicy = "Retain" });
        Assert.Equal(RemovalPolicy.Retain, table!.RemovalPolicy);
    }

    [Fact]
    public void RemovalPolicy_OnAStageTheAppMarksProtected_DefaultsToRetain()
    {
        var template = Synth.Template(
            app =>
            {
                app.ProtectedStages.Add("staging");
                Orders_(new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
            },
            "staging");

        template.HasResource("AWS::DynamoDB::Table", new { DeletionPolicy = "Retain", UpdateReplacePolicy = "Retain" });
    }

    [Fact]
    public void RemovalPolicy_GivenExplicitly_OverridesTheStageDefault()
    {
        var template = Synth.Template(app => Orders_(new() { Fields = { ["id"] = "string" }, PartitionKey = "id", RemovalPolicy = RemovalPolicy.Delete }), "prod");

        template.HasResource("AWS::DynamoDB::Table", new { DeletionPolicy = "Delete", UpdateReplacePolicy = "Delete" });
    }

    [Fact]
    public void RemovalPolicy_RetainExceptOnCreate_RetainsOnReplacement()
    {
        var template = Synth.Template(app => Orders_(new() { Fields = { ["id"] = "string" }, PartitionKey = "id", RemovalPolicy = RemovalPolicy.RetainExceptOnCreate }));

        template.HasResource("AWS::DynamoDB::Table", new { DeletionPolicy = "RetainExceptOnCreate", UpdateReplacePolicy = "Retain" });
    }

    [Fact]
    public void RemovalPolicy_Snapshot_ThrowsBecauseTablesCannotBeSnapshotted()
    {
        var error = Synth.Error(app => Orders_(new() { Fields = { ["id"] = "string" }, PartitionKey = "id", RemovalPolicy = RemovalPolicy.Snapshot }));

        Errors.Single(error, Orders, "RemovalPolicy", "Snapshot is not supported for DynamoDB tables (CloudFormation accepts only Delete, Retain and RetainExceptOnCreate). Use RemovalPolicy.Retain, or turn on PointInTimeRecovery.");
    }

    [Fact]
    public void RemovalPolicy_UndefinedEnumValue_Throws()
    {
        var error = Synth.Error(app => Orders_(new() { Fields = { ["id"] = "string" }, PartitionKey = "id", RemovalPolicy = (RemovalPolicy)9 }));

        Errors.Single(error, Orders, "RemovalPolicy", "'9' is not a removal policy. Use RemovalPolicy.Delete, Retain or RetainExceptOnCreate.");
    }

    private static DynamoTable Orders_(DynamoTableConfig config) => new("orders", config);
}
