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
    public void AnAppOf490Resources_WithManyStreamedTablesAndFunctions_IsWithinTheQuotas_AndDeclaresNoOutputs()
    {
        // 70 streamed tables with a subscription each (table, function, role, policy, mapping), 30 functions (function, role)
        // and 80 plain tables: 490 resources. With per-resource outputs it would have needed 470 of the 200 allowed.
        var result = StelvioApp.Declare(Synth.App, Synth.Stage, app =>
        {
            for (var i = 0; i < 70; i++)
            {
                new DynamoTable($"s{i}", new() { Fields = { ["id"] = "string" }, PartitionKey = "id", Stream = StreamView.KeysOnly })
                    .Subscribe("sub", "functions/Orders::OrderHandlers.ProcessChanges");
            }

            for (var i = 0; i < 30; i++)
            {
                _ = new Stelvio.Aws.Lambda.Function($"f{i}", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" });
            }

            Tables(80);
        }, Stelvio.Tests.Fixtures.FixtureProject.Directory).Synth();

        Assert.Same(result, result.EnsureWithinStackLimits());
        Assert.Equal(490, result.Template.Resources.Count);
        Assert.Empty(result.Template.Outputs);
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
