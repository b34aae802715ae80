using System.Globalization;
using Stelvio.Aws.DynamoDB;
using Stelvio.CloudFormation;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.CloudFormation;

/// <summary>CloudFormation's per-stack quotas are checked before a template is written, naming the limit and the count.</summary>
public sealed class StackLimitsTests
{
    private const string Stack = "Stack 'shop-test'";

    [Fact]
    public void EnsureWithinStackLimits_501Resources_ThrowsNamingTheLimitAndTheCount()
    {
        var result = StelvioApp.Declare(Synth.App, Synth.Stage, app => Tables(501)).Synth();

        var error = Assert.Throws<StelvioConfigException>(result.EnsureWithinStackLimits);

        Errors.Has(error, Stack, null, "has 501 resources; CloudFormation allows at most 500 in one stack. Split the app into several apps (stacks) or remove components.");
    }

    [Fact]
    public void EnsureWithinStackLimits_TooManyOutputs_ThrowsNamingTheLimitAndTheCount()
    {
        // Each table has two outputs (name, ARN), three with a stream: 67 streamed tables make 201.
        var result = StelvioApp.Declare(Synth.App, Synth.Stage, app => Tables(67, stream: true)).Synth();

        var error = Assert.Throws<StelvioConfigException>(result.EnsureWithinStackLimits);

        Errors.Single(error, Stack, null, "has 201 outputs; CloudFormation allows at most 200 in one stack. Split the app into several apps (stacks) or remove components.");
    }

    [Fact]
    public void EnsureWithinStackLimits_TemplateOverOneMegabyte_ThrowsNamingTheSizeWhateverTheCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            TemplateOverOneMegabyte_ThrowsNamingTheSize();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static void TemplateOverOneMegabyte_ThrowsNamingTheSize()
    {
        // 60 tables, each with a 20 KB escape-hatch property, stay under the resource and output quotas.
        var result = StelvioApp.Declare(Synth.App, Synth.Stage, app =>
        {
            for (var i = 0; i < 60; i++)
            {
                new DynamoTable($"t{i}", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" })
                    .AddPropertyOverride("Padding", new string('x', 20_000));
            }
        }).Synth();

        var error = Assert.Throws<StelvioConfigException>(result.EnsureWithinStackLimits);

        var size = result.TemplateBytes.Length;
        Assert.InRange(size, 1_000_001, 1_500_000);
        Errors.Single(error, Stack, null, $"has a template of {size.ToString("N0", CultureInfo.InvariantCulture)} bytes; CloudFormation accepts at most 1,000,000 bytes. Split the app into several apps (stacks).");
    }

    [Fact]
    public void EnsureWithinStackLimits_EveryQuotaExceeded_ReportsAllTogether()
    {
        var template = new CfnTemplate();
        for (var i = 0; i < 501; i++)
        {
            template.Add(new CfnResource($"R{i}", "AWS::SQS::Queue", []));
        }

        for (var i = 0; i < 201; i++)
        {
            template.AddOutput($"O{i}", "x", "d");
        }

        var error = Assert.Throws<StelvioConfigException>(() => StackLimits.Check("s", template, 1_000_001));

        Assert.Equal(3, error.Errors.Count);
        Assert.StartsWith("3 problems:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureWithinStackLimits_AtTheLimits_Passes()
    {
        var template = new CfnTemplate();
        for (var i = 0; i < 500; i++)
        {
            template.Add(new CfnResource($"R{i}", "AWS::SQS::Queue", []));
        }

        for (var i = 0; i < 200; i++)
        {
            template.AddOutput($"O{i}", "x", "d");
        }

        StackLimits.Check("s", template, 1_000_000);
    }

    [Fact]
    public void EnsureWithinStackLimits_ASmallApp_ReturnsTheResult()
    {
        var result = StelvioApp.Declare(Synth.App, Synth.Stage, app => Tables(3)).Synth();

        Assert.Same(result, result.EnsureWithinStackLimits());
    }

    [Fact]
    public void Synth_ItselfDoesNotCheckTheQuotas()
    {
        var result = StelvioApp.Declare(Synth.App, Synth.Stage, app => Tables(501)).Synth();

        Assert.Equal(501, result.Template.Resources.Count);
    }

    private static void Tables(int count, bool stream = false)
    {
        for (var i = 0; i < count; i++)
        {
            new DynamoTable($"t{i}", new() { Fields = { ["id"] = "string" }, PartitionKey = "id", Stream = stream ? StreamView.KeysOnly : null });
        }
    }
}
