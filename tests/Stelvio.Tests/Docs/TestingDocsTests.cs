using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orders;
using Stelvio.Testing;

namespace Stelvio.Tests.Docs;

// snippet: testing-tests
/// <summary>The example app's template, synthesized from the declaration its Program.cs runs.</summary>
public sealed class OrdersAppTests
{
    // OrdersApp.Declare is in the app's project, so the handler folders (functions/Orders) are found
    // there, wherever the tests run.
    private readonly Template template = Template.Synth(OrdersApp.Name, "test", OrdersApp.Declare);

    [Fact]
    public void DeclaresThreeTablesAndThreeFunctions()
    {
        template.ResourceCountIs("AWS::DynamoDB::Table", 3);
        template.ResourceCountIs("AWS::Lambda::Function", 3);
        template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 2);
    }

    [Fact]
    public void OrdersTable_HasItsKeysIndexesAndStream()
    {
        template.HasResourceProperties("AWS::DynamoDB::Table", new
        {
            TableName = "shop-test-orders",
            KeySchema = Match.Exact(new object[]
            {
                new { AttributeName = "customer_id", KeyType = "HASH" },
                new { AttributeName = "order_date", KeyType = "RANGE" },
            }),
            GlobalSecondaryIndexes = Match.ArrayWith(new { IndexName = "status-total-index", Projection = new { ProjectionType = "ALL" } }),
            StreamSpecification = new { StreamViewType = "NEW_AND_OLD_IMAGES" },
        });
    }

    [Fact]
    public void ProcessUser_MayReadAndWriteUsers_AndNothingElse()
    {
        template.ResourcePropertiesMatch("ProcessUserPolicy", new
        {
            PolicyDocument = new
            {
                Statement = Match.Exact(new object[]
                {
                    new
                    {
                        Effect = "Allow",
                        Action = Match.ArrayWith("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"),
                        Resource = new object[] { new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { "UsersTable", "Arn" } } },
                    },
                    new
                    {
                        Effect = "Allow",
                        Action = new[] { "dynamodb:Query", "dynamodb:Scan" },
                        Resource = new object[] { new Dictionary<string, object> { ["Fn::Sub"] = "${UsersTable.Arn}/index/*" } },
                    },
                }),
            },
        });
    }

    [Fact]
    public void StreamReaders_GetTheStreamOnly()
    {
        template.HasResourceProperties("AWS::IAM::Policy", new
        {
            PolicyDocument = new
            {
                Statement = Match.ArrayWith(new
                {
                    Action = Match.ArrayWith("dynamodb:GetRecords", "dynamodb:GetShardIterator"),
                    Resource = Match.ArrayWith(new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { "OrdersTable", "StreamArn" } }),
                }),
            },
        });
    }
}
// end snippet

// snippet: testing-snapshot
/// <summary>
/// The whole template against the copy in Snapshots/, so any change to what the app deploys shows up in review.
/// The first run writes the snapshot; after a deliberate change, run with STELVIO_UPDATE_SNAPSHOTS=1 and review the diff.
/// </summary>
public sealed class OrdersAppSnapshotTests
{
    [Fact]
    public void Template_MatchesTheSnapshot()
    {
        var actual = Show(Template.Synth(OrdersApp.Name, "test", OrdersApp.Declare));
        var file = Path.Combine(SourceFolder(), "Snapshots", $"{OrdersApp.Name}-test.template.json");

        if (!File.Exists(file) || Environment.GetEnvironmentVariable("STELVIO_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, actual);
        }

        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), actual);
    }

    // The template as indented JSON, with the functions' code keys (hashes of their sources) masked, so
    // that editing a handler does not change the snapshot.
    private static string Show(Template template)
    {
        var json = template.Json.DeepClone().AsObject();
        foreach (var (_, resource) in json["Resources"]!.AsObject())
        {
            if (resource?["Properties"]?["Code"] is JsonObject code && code.ContainsKey("S3Key"))
            {
                code["S3Key"] = "(hash of the sources)";
            }
        }

        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private static string SourceFolder([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
// end snippet
