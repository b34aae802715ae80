using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stelvio.Lambda.Events.DynamoDB;
using Stelvio.Lambda.Serialization;
using Stelvio.Lambda.Tests.Support;

namespace Stelvio.Lambda.Tests.Events;

public class DynamoDBEventTests
{
    [Theory]
    [InlineData("dynamodb-insert.json")]
    [InlineData("dynamodb-modify.json")]
    [InlineData("dynamodb-remove.json")]
    [InlineData("dynamodb-ttl-all-types.json")]
    public void SampleEvent_RoundTripsToTheSameJson(string fixture)
    {
        var json = Fixtures.Read(fixture);

        var parsed = JsonSerializer.Deserialize(json, LambdaJsonContext.Default.DynamoDBEvent)!;
        var written = JsonSerializer.Serialize(parsed, LambdaJsonContext.Default.DynamoDBEvent);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"Round trip changed the event:\n{written}");
    }

    [Fact]
    public void InsertEvent_ReadsRecordFieldsAndNewImage()
    {
        var e = Read("dynamodb-insert.json");

        var record = Assert.Single(e.Records);
        Assert.Equal("c4ca4238a0b923820dcc509a6f75849b", record.EventId);
        Assert.Equal(DynamoDBEventNames.Insert, record.EventName);
        Assert.Equal("1.1", record.EventVersion);
        Assert.Equal("aws:dynamodb", record.EventSource);
        Assert.Equal("us-east-1", record.AwsRegion);
        Assert.Equal("arn:aws:dynamodb:us-east-1:123456789012:table/shop-test-orders/stream/2024-11-26T00:00:00.000", record.EventSourceArn);
        Assert.Null(record.UserIdentity);
        var change = record.Dynamodb;
        Assert.Equal(new DateTimeOffset(2024, 11, 26, 0, 0, 0, TimeSpan.Zero), change.ApproximateCreationTime);
        Assert.Equal("111100000000000000001", change.SequenceNumber);
        Assert.Equal(78, change.SizeBytes);
        Assert.Equal("NEW_AND_OLD_IMAGES", change.StreamViewType);
        Assert.Equal(["customer_id", "order_date"], change.Keys!.Keys.Order());
        Assert.Equal("c-100", change.NewImage!["customer_id"].S);
        Assert.Equal("42.5", change.NewImage["total"].N);
        Assert.Null(change.NewImage["total"].S);
        Assert.Null(change.OldImage);
    }

    [Fact]
    public void ModifyEvent_HasOldAndNewImage()
    {
        var change = Assert.Single(Read("dynamodb-modify.json").Records).Dynamodb;

        Assert.Equal("pending", change.OldImage!["status"].S);
        Assert.Equal("shipped", change.NewImage!["status"].S);
    }

    [Fact]
    public void RemoveEvent_HasOnlyOldImage()
    {
        var record = Assert.Single(Read("dynamodb-remove.json").Records);

        Assert.Equal(DynamoDBEventNames.Remove, record.EventName);
        Assert.Null(record.Dynamodb.NewImage);
        Assert.Equal("shipped", record.Dynamodb.OldImage!["status"].S);
    }

    [Fact]
    public void AttributeValues_OfEveryType_AreRead()
    {
        var e = Read("dynamodb-ttl-all-types.json");
        var image = e.Records[0].Dynamodb.OldImage!;

        Assert.Equal([0, 1, 2, 255], image["photo"].B);
        Assert.Equal(["blue", "red"], image["tags"].SS);
        Assert.Equal(["1", "2.5", "-3"], image["scores"].NS);
        Assert.Equal(["hello", "world"], image["chunks"].BS!.Select(b => Encoding.ASCII.GetString(b)));
        Assert.Equal("Ljubljana", image["address"].M!["city"].S);
        Assert.Equal("14.5", image["address"].M!["geo"].L![1].N);
        var history = image["history"].L!;
        Assert.Equal("created", history[0].S);
        Assert.False(history[1].BOOL);
        Assert.True(history[2].NULL);
        Assert.Empty(history[3].M!);
        Assert.Empty(history[4].L!);
        Assert.True(image["deleted_at"].NULL);
        Assert.True(image["active"].BOOL);
    }

    [Fact]
    public void TimeToLiveDeletion_HasServiceUserIdentity()
    {
        var record = Read("dynamodb-ttl-all-types.json").Records[0];

        Assert.Equal("Service", record.UserIdentity!.Type);
        Assert.Equal("dynamodb.amazonaws.com", record.UserIdentity.PrincipalId);
    }

    [Fact]
    public void KeysOnlyRecord_HasNoImages()
    {
        var change = Read("dynamodb-ttl-all-types.json").Records[1].Dynamodb;

        Assert.Equal("KEYS_ONLY", change.StreamViewType);
        Assert.Null(change.NewImage);
        Assert.Null(change.OldImage);
        Assert.Equal("8", change.Keys!["id"].N);
    }

    [Fact]
    public void StreamsEventResponse_WritesBatchItemFailuresInLambdasShape()
    {
        var record = Assert.Single(Read("dynamodb-modify.json").Records);

        var json = JsonSerializer.Serialize(new StreamsEventResponse().Fail(record), LambdaJsonContext.Default.StreamsEventResponse);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"222200000000000000002"}]}""", json);
    }

    [Fact]
    public void EmptyStreamsEventResponse_WritesAnEmptyFailureList()
    {
        Assert.Equal("""{"batchItemFailures":[]}""", JsonSerializer.Serialize(new StreamsEventResponse(), LambdaJsonContext.Default.StreamsEventResponse));
    }

    [Fact]
    public void Image_ToJson_WritesDynamoDBJsonWithoutUnsetTypes()
    {
        var image = Assert.Single(Read("dynamodb-insert.json").Records).Dynamodb.NewImage!;

        Assert.Equal("""{"customer_id":{"S":"c-100"},"order_date":{"S":"2024-11-26"},"status":{"S":"pending"},"total":{"N":"42.5"}}""", image.ToJson());
        Assert.Equal("""{"N":"42.5"}""", image["total"].ToString());
    }

    [Fact]
    public void Image_ToJson_KeepsQuotesAndLettersReadable()
    {
        var image = new Dictionary<string, AttributeValue> { ["city"] = new() { S = "Čakovec's <main>" } };

        Assert.Equal("""{"city":{"S":"Čakovec's <main>"}}""", image.ToJson());
    }

    private static DynamoDBEvent Read(string fixture) =>
        JsonSerializer.Deserialize(Fixtures.Read(fixture), LambdaJsonContext.Default.DynamoDBEvent)!;
}
