using Stelvio.Aws.DynamoDB;
using Stelvio.CloudFormation;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Core;

/// <summary>Deferred values: their template form, their resolved form, and the refusal to become text.</summary>
public sealed class DeferredTests
{
    [Fact]
    public void TableValues_RenderAsRefAndGetAtt()
    {
        var orders = DeclareOrders(stream: true);

        Assert.Equal("""{"Ref":"OrdersTable"}""", orders.Name.ToCloudFormation().ToJsonString());
        Assert.Equal("""{"Fn::GetAtt":["OrdersTable","Arn"]}""", orders.Arn.ToCloudFormation().ToJsonString());
        Assert.Equal("""{"Fn::GetAtt":["OrdersTable","StreamArn"]}""", orders.StreamArn!.ToCloudFormation().ToJsonString());
        Assert.Equal(["OrdersTable"], orders.Arn.Expression.References);
    }

    [Fact]
    public void StreamArn_WithoutStream_IsNull() => Assert.Null(DeclareOrders(stream: false).StreamArn);

    [Fact]
    public void Format_WithADeferredValue_RendersAsFnSub()
    {
        var orders = DeclareOrders(stream: false);

        var indexes = Deferred.Format($"{orders.Arn}/index/*");

        Assert.Equal("""{"Fn::Sub":"${OrdersTable.Arn}/index/*"}""", indexes.ToCloudFormation().ToJsonString());
        Assert.Equal(["OrdersTable"], indexes.Expression.References);
    }

    [Fact]
    public void Format_MixingRefsPlainValuesAndPseudoParameters_RendersOneSub()
    {
        var orders = DeclareOrders(stream: false);
        var region = Deferred.Ref("AWS::Region");

        var value = Deferred.Format($"table {orders.Name} in {region}, {3:00} shards, {{literal}}");

        Assert.Equal("""{"Fn::Sub":"table ${OrdersTable} in ${AWS::Region}, 03 shards, {literal}"}""", value.ToCloudFormation().ToJsonString());
        Assert.Equal(["OrdersTable"], value.Expression.References);
    }

    [Fact]
    public void Format_EscapesDollarBracesInLiteralText()
    {
        var orders = DeclareOrders(stream: false);

        var value = Deferred.Format($"${{not-a-var}}-{orders.Name}");

        Assert.Equal("""{"Fn::Sub":"${!not-a-var}-${OrdersTable}"}""", value.ToCloudFormation().ToJsonString());
        Assert.Equal("${not-a-var}-shop-test-orders", value.Resolve(new FakeResolver()));
    }

    [Fact]
    public void Format_WithOnlyOneDeferredValue_IsThatValue()
    {
        var orders = DeclareOrders(stream: false);

        Assert.Equal(orders.Arn.ToCloudFormation().ToJsonString(), Deferred.Format($"{orders.Arn}").ToCloudFormation().ToJsonString());
    }

    [Fact]
    public void Format_GivingAnAlignmentOrFormatToADeferredValue_ThrowsSayingWhatToRemove()
    {
        var orders = DeclareOrders(stream: false);

        var error = Assert.Throws<ArgumentException>(() => Deferred.Format($"{orders.Arn,20}/index"));

        Assert.StartsWith("'{0,20}' gives a format or alignment to a deferred value, which has no text until deployment. Remove ',20'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_WritesPlainNumbersTheSameWhateverTheCulture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("\"v1.5:02\"", Deferred.Format($"v{1.5}:{2:00}").ToCloudFormation().ToJsonString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Format_WithoutDeferredValues_IsALiteral()
    {
        var value = Deferred.Format($"plain {42}");

        Assert.Equal("\"plain 42\"", value.ToCloudFormation().ToJsonString());
        Assert.Equal("plain 42", value.Resolve(new FakeResolver()));
    }

    [Fact]
    public void Resolve_WithAFakeResolver_GivesConcreteValues()
    {
        var orders = DeclareOrders(stream: true);
        var resolver = new FakeResolver();

        Assert.Equal("shop-test-orders", orders.Name.Resolve(resolver));
        Assert.Equal("arn:aws:dynamodb:eu-west-1:123456789012:table/shop-test-orders", orders.Arn.Resolve(resolver));
        Assert.Equal("arn:aws:dynamodb:eu-west-1:123456789012:table/shop-test-orders/stream/2024", orders.StreamArn!.Resolve(resolver));
        Assert.Equal(
            "arn:aws:dynamodb:eu-west-1:123456789012:table/shop-test-orders/index/* in eu-west-1",
            Deferred.Format($"{orders.Arn}/index/* in {Deferred.Ref("AWS::Region")}").Resolve(resolver));
        Assert.Equal(["Ref OrdersTable", "GetAtt OrdersTable.Arn", "GetAtt OrdersTable.StreamArn", "GetAtt OrdersTable.Arn", "Ref AWS::Region"], resolver.Calls);
    }

    [Fact]
    public void ToString_Throws_ExplainingTheAlternatives()
    {
        var orders = DeclareOrders(stream: false);

        var error = Assert.Throws<StelvioConfigException>(() => $"arn is {orders.Arn}");

        Assert.Equal(
            "DynamoTable 'orders': Arn: a deferred value ({\"Fn::GetAtt\":[\"OrdersTable\",\"Arn\"]}) is used as text, but it has no text before deployment. To combine it with text use Deferred.Format($\"...{value}...\"), which renders as Fn::Sub; to read it in a handler, link the resource and read its setting from the environment; to get the value of a running stack call Resolve(resolver).",
            error.Message);
    }

    [Fact]
    public void Literal_RendersAsThePlainString()
    {
        var value = Deferred.Literal("x");

        Assert.Equal("\"x\"", value.ToCloudFormation().ToJsonString());
        Assert.Equal("x", value.Resolve(new FakeResolver()));
        Assert.Empty(value.Expression.References);
    }

    [Fact]
    public void Expressions_AreEqualByValue()
    {
        Assert.Equal(Deferred.GetAtt("T", "Arn").Expression, Deferred.GetAtt("T", "Arn").Expression);
        Assert.Equal(
            Deferred.Format($"{Deferred.Ref("T")}/x").Expression,
            Deferred.Format($"{Deferred.Ref("T")}/x").Expression);
        Assert.NotEqual(
            Deferred.Format($"{Deferred.Ref("T")}/x").Expression,
            Deferred.Format($"{Deferred.Ref("T")}/y").Expression);
    }

    private static DynamoTable DeclareOrders(bool stream)
    {
        DynamoTable? orders = null;
        StelvioApp.Declare(Synth.App, Synth.Stage, _ => orders = new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            Stream = stream ? StreamView.NewImage : null,
        }));
        return orders!;
    }

    /// <summary>Answers as a deployed stack of the orders table would, recording each question.</summary>
    private sealed class FakeResolver : IDeferredResolver
    {
        public List<string> Calls { get; } = [];

        public string ResolveRef(string logicalId)
        {
            Calls.Add($"Ref {logicalId}");
            return logicalId switch
            {
                "OrdersTable" => "shop-test-orders",
                "AWS::Region" => "eu-west-1",
                _ => throw new KeyNotFoundException(logicalId),
            };
        }

        public string ResolveAttribute(string logicalId, string attribute)
        {
            Calls.Add($"GetAtt {logicalId}.{attribute}");
            return (logicalId, attribute) switch
            {
                ("OrdersTable", "Arn") => "arn:aws:dynamodb:eu-west-1:123456789012:table/shop-test-orders",
                ("OrdersTable", "StreamArn") => "arn:aws:dynamodb:eu-west-1:123456789012:table/shop-test-orders/stream/2024",
                _ => throw new KeyNotFoundException($"{logicalId}.{attribute}"),
            };
        }
    }
}
