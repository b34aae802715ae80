using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Links;
using Stelvio.Tests.Fixtures;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.Lambda;

/// <summary>IAM's 10,240-character quota on a role's inline policies, checked at synth rather than met at deploy.</summary>
public sealed class PolicySizeTests
{
    // {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":[""]}]}
    private const int DocumentWithEmptyResource = 99;

    [Theory]
    [InlineData(10_240, true)]
    [InlineData(10_241, false)]
    public void Policy_AtIamsInlineLimit_IsAcceptedAndOneCharacterMoreIsRefused(int size, bool accepted)
    {
        var resource = "arn:aws:s3:::" + new string('b', size - DocumentWithEmptyResource - "arn:aws:s3:::".Length);
        void Declare(StelvioApp app) => new Function("worker", new()
        {
            Handler = "functions/Orders::OrderHandlers.ProcessChanges",
            Links = [new Link("bucket", permissions: [new AwsPermission(["s3:GetObject"], [resource])])],
        });

        if (accepted)
        {
            Assert.Single(Cfn.Statements(AppSynth.Template(Declare), "WorkerPolicy"));
        }
        else
        {
            var error = AppSynth.Error(Declare);
            Errors.Single(error, "Function 'worker'", "Links",
                "the function's policy would have about 10,241 characters (1 statement from 1 link); IAM allows at most 10,240 characters of inline policy per role, " +
                "so the deploy would fail. Link fewer components (split the work over several functions), or replace several links by one custom " +
                "Link whose AwsPermission lists their actions once over all their resources.");
        }
    }

    [Fact]
    public void ManyLinkedTables_AreCountedWithTheirArnsAndRefusedPastTheLimit()
    {
        // Each table link is about 480 characters once its ARN is known: 21 fit, 22 do not.
        static void Declare(StelvioApp app, int tables) => new Function("worker", new()
        {
            Handler = "functions/Orders::OrderHandlers.ProcessChanges",
            Links = [.. Enumerable.Range(1, tables).Select(i => new DynamoTable($"table-{i:D2}", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" }))],
        });

        Assert.Equal(42, Cfn.Statements(AppSynth.Template(app => Declare(app, 21)), "WorkerPolicy").Count);
        var error = AppSynth.Error(app => Declare(app, 22));
        var single = Assert.Single(error.Errors);
        Assert.Equal("Links", single.Property);
        Assert.StartsWith("the function's policy would have about 10,6", single.Message, StringComparison.Ordinal);
        Assert.Contains("(44 statements from 22 links)", single.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubscriptionStreamAccess_CountsTowardsTheLimit()
    {
        var resource = "arn:aws:s3:::" + new string('b', 10_000);
        var error = AppSynth.Error(app =>
        {
            var orders = GuideTables.OrdersWithStream();
            orders.Subscribe("process", "functions/Orders::OrderHandlers.ProcessChanges", new()
            {
                Links = [new Link("bucket", permissions: [new AwsPermission(["s3:GetObject"], [resource])])],
            });
        });

        var single = Assert.Single(error.Errors);
        Assert.Equal("Function 'orders-process'", single.Component);
        Assert.Contains("(3 statements from 1 link and its stream subscription)", single.Message, StringComparison.Ordinal);
    }
}
