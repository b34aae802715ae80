using Stelvio.LocalCloud.EventSources;

namespace Stelvio.LocalCloud.Tests.EventSources;

public sealed class FilterTests
{
    /// <summary>Items written (id → attributes); each test's pattern must deliver exactly the expected ids.</summary>
    private static readonly (string Id, string Attributes)[] Items =
    [
        ("shipped", "\"orderStatus\":{\"S\":\"shipped\"},\"region\":{\"S\":\"us-east-1\"},\"file\":{\"S\":\"photo.png\"},\"paid\":{\"BOOL\":true}"),
        ("pending", "\"orderStatus\":{\"S\":\"pending\"},\"region\":{\"S\":\"eu-west-1\"},\"file\":{\"S\":\"doc.pdf\"},\"paid\":{\"BOOL\":false}"),
        ("SHOUTED", "\"orderStatus\":{\"S\":\"SHIPPED\"},\"region\":{\"S\":\"US-WEST-2\"},\"note\":{\"S\":\"\"},\"gone\":{\"NULL\":true}"),
        ("bare", ""),
    ];

    [Theory]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"orderStatus\":{\"S\":[\"shipped\"]}}}}", "shipped")]
    [InlineData("{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"orderStatus\":{\"S\":[\"shipped\",\"pending\"]}}}}", "shipped,pending")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"region\":{\"S\":[{\"prefix\":\"us-\"}]}}}}", "shipped")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"region\":{\"S\":[{\"prefix\":{\"equals-ignore-case\":\"us-\"}}]}}}}", "shipped,SHOUTED")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"file\":{\"S\":[{\"suffix\":\".png\"}]}}}}", "shipped")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"file\":{\"S\":[{\"suffix\":{\"equals-ignore-case\":\".PDF\"}}]}}}}", "pending")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"orderStatus\":{\"S\":[{\"equals-ignore-case\":\"shipped\"}]}}}}", "shipped,SHOUTED")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"orderStatus\":{\"S\":[{\"anything-but\":[\"shipped\",\"pending\"]}]}}}}", "SHOUTED")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"orderStatus\":{\"S\":[{\"anything-but\":\"pending\"}]}}}}", "shipped,SHOUTED")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"region\":{\"S\":[{\"anything-but\":{\"prefix\":\"us-\"}}]}}}}", "pending,SHOUTED")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"orderStatus\":{\"S\":[{\"exists\":true}]}}}}", "shipped,pending,SHOUTED")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"orderStatus\":[{\"exists\":false}]}}}", "bare")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"note\":{\"S\":[\"\"]}}}}", "SHOUTED")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"paid\":{\"BOOL\":[true]}}}}", "shipped")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"gone\":{\"NULL\":[true]}}}}", "SHOUTED")]
    [InlineData("{\"dynamodb\":{\"NewImage\":{\"file\":{\"S\":[{\"wildcard\":\"*.p*\"}]}}}}", "shipped,pending")]
    [InlineData("{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":[\"bare\"]}}}}", "bare")]
    [InlineData("{\"$or\":[{\"dynamodb\":{\"NewImage\":{\"paid\":{\"BOOL\":[false]}}}},{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":[\"bare\"]}}}}]}", "pending,bare")]
    [InlineData("{\"eventName\":[\"REMOVE\"]}", "")]
    [InlineData("{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">\",0]}]}}", "shipped,pending,SHOUTED,bare")]
    [InlineData("{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">=\",0,\"<\",1]}]}}", "")]
    [InlineData("{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\"<=\",12]}]}}", "bare")]
    [InlineData("{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\"=\",12]}]}}", "bare")]
    [InlineData("{\"dynamodb\":{\"StreamViewType\":[null]}}", "")]
    [InlineData("{\"userIdentity\":[{\"exists\":false}]}", "shipped,pending,SHOUTED,bare")]
    public async Task A_record_is_delivered_only_when_the_pattern_matches_it(string pattern, string expected)
    {
        await using var fixture = new StreamFixture();
        foreach (var (id, attributes) in Items)
        {
            fixture.Put(id, attributes);
        }
        var mappings = fixture.Start(fixture.Mapping() with { FilterPatterns = [pattern] });
        await StreamFixture.Idle(mappings);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), fixture.Invoker.Calls.SelectMany(c => c.Ids));
        Assert.Equal(0, mappings.States.Single().PendingRecords);
    }

    [Fact]
    public async Task Several_filters_are_ORed_and_dropped_records_count_as_processed()
    {
        await using var fixture = new StreamFixture();
        foreach (var (id, attributes) in Items)
        {
            fixture.Put(id, attributes);
        }
        fixture.Delete("pending");
        var patterns = new[]
        {
            "{\"dynamodb\":{\"NewImage\":{\"orderStatus\":{\"S\":[\"shipped\"]}}}}",
            "{\"eventName\":[\"REMOVE\"],\"dynamodb\":{\"OldImage\":{\"orderStatus\":{\"S\":[\"pending\"]}}}}",
        };
        var mappings = fixture.Start(fixture.Mapping() with { FilterPatterns = patterns, BatchSize = 1 });
        await StreamFixture.Idle(mappings);

        Assert.Equal(["shipped", "pending"], fixture.Invoker.Calls.SelectMany(c => c.Ids));
        Assert.Equal("REMOVE", fixture.Invoker.Calls[1].Records[0].GetProperty("eventName").GetString());
        var state = mappings.States.Single();
        Assert.Equal(0, state.PendingRecords);
        Assert.NotNull(state.Position);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[\"a\"]", "must be a JSON object")]
    [InlineData("{\"eventName\":\"INSERT\"}", "'eventName' is the string \"INSERT\"")]
    [InlineData("{\"eventName\":[]}", "empty rule list")]
    [InlineData("{\"eventName\":[{\"prefix\":1}]}", "\"prefix\" takes a string")]
    [InlineData("{\"eventName\":[{\"contains\":\"x\"}]}", "unknown operator \"contains\"")]
    [InlineData("{\"eventName\":[{\"prefix\":\"a\",\"suffix\":\"b\"}]}", "exactly one operator")]
    [InlineData("{\"n\":[{\"numeric\":[\">\"]}]}", "\"numeric\" takes one comparison")]
    [InlineData("{\"n\":[{\"numeric\":[\"!=\",1]}]}", "operators are =, <, <=, > and >=")]
    [InlineData("{\"n\":[{\"numeric\":[\">\",\"1\"]}]}", "must be a number")]
    [InlineData("{\"n\":[{\"numeric\":[\">\",10,\"<\",5]}]}", "a numeric range")]
    [InlineData("{\"n\":[{\"numeric\":[\"=\",6e9]}]}", "out of range")]
    [InlineData("{\"n\":[{\"exists\":\"yes\"}]}", "\"exists\" takes true or false")]
    [InlineData("{\"n\":[{\"anything-but\":[]}]}", "\"anything-but\" takes a non-empty array")]
    [InlineData("{\"n\":[{\"anything-but\":{\"numeric\":[\">\",1]}}]}", "\"anything-but\" takes a value")]
    [InlineData("{\"n\":[{\"wildcard\":\"a**b\"}]}", "consecutive '*'")]
    [InlineData("{\"$or\":[{\"a\":[\"x\"]}]}", "at least two objects")]
    public void An_invalid_pattern_is_a_clear_error(string pattern, string expected)
    {
        var error = Rejected([pattern]);

        Assert.Contains("Event source mapping OrdersSubscription: FilterCriteria is invalid", error.Message, StringComparison.Ordinal);
        Assert.Contains("filter 1", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_filters_than_Lambda_allows_is_an_error()
    {
        var error = Rejected([.. Enumerable.Repeat("{\"eventName\":[\"INSERT\"]}", 11)]);

        Assert.Contains("11 filters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_longer_than_4096_characters_is_an_error()
    {
        var pattern = "{\"eventName\":[\"" + new string('x', 4100) + "\"]}";
        var error = Assert.Throws<FilterPatternException>(() => FilterPatternParser.Parse(pattern));

        Assert.Contains("at most 4096", error.Message, StringComparison.Ordinal);
    }

    private static EventSourceMappingException Rejected(IReadOnlyList<string> patterns)
    {
        using var engine = new DynamoDB.Local.DynamoEngine();
        var mapping = new LocalCloud.Template.LocalEventSourceMapping(
            "OrdersSubscription", "uuid", StreamFixture.FunctionName, "arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2026-12-02T10:00:00.000",
            "LATEST", null, 100, TimeSpan.Zero, -1, null, false, false, 1, true, patterns, null, null);
        return Assert.Throws<EventSourceMappingException>(() =>
            new EventSourceMappings(engine, [mapping], [StreamFixture.Function()], new FakeInvoker(), new EventSourceOptions()));
    }
}
