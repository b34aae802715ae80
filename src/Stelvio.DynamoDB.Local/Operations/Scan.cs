using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// Scan: the whole table or index in partition-token order, filtered and projected, paged; a parallel scan's
/// Segment covers its share of the token range.
/// </summary>
internal static class Scan
{
    private static readonly string[] Legacy = ["ScanFilter", "AttributesToGet", "ConditionalOperator"];
    private static readonly string[] Expressions = ["FilterExpression", "ProjectionExpression"];

    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        ReadPage.ConstrainCommon(request, constraints, out var indexName, out var select, out var limit, out var consistent);
        var attributesToGet = ReadProjection.AttributesToGet(request, constraints);
        var scanFilter = LegacyJson.Conditions(request, "ScanFilter", constraints);
        var conditionalOperator = Wire.String(request, "ConditionalOperator");
        constraints.Enum(conditionalOperator, "conditionalOperator", "AND", "OR");
        var capacityMode = Common.ConsumedCapacity(request, constraints);
        var segment = Wire.Long(request, "Segment");
        var totalSegments = Wire.Long(request, "TotalSegments");
        constraints.AtLeast(segment, "segment", 0).AtMost(segment, "segment", 999999);
        constraints.AtLeast(totalSegments, "totalSegments", 1).AtMost(totalSegments, "totalSegments", 1000000);
        constraints.ThrowIfAny();
        if (segment is not null && totalSegments is null)
        {
            throw DynamoDbException.Validation("The TotalSegments parameter is required but was not present in the request when parameter Segment is present");
        }
        if (totalSegments is not null && segment is null)
        {
            throw DynamoDbException.Validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (segment >= totalSegments)
        {
            throw DynamoDbException.Validation($"The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: {segment} is not less than TotalSegments: {totalSegments}");
        }
        RequestExpressions.CheckNotMixed(request, Legacy, Expressions);
        var context = RequestExpressions.ReadContext(request, Expressions);
        var startKey = AttributeValueJson.ReadItem(request, "ExclusiveStartKey");
        var filterText = Wire.String(request, "FilterExpression");
        Condition? filter = filterText is not null
            ? ExpressionParser.ParseCondition(filterText, context, "FilterExpression")
            : scanFilter is not null ? LegacyExpressions.FromFilter(scanFilter, conditionalOperator, "ScanFilter") : null;
        var projection = ReadProjection.Parse(request, context, attributesToGet);
        context.ThrowIfUnused();

        var table = engine.Catalog.Get(tableName!);
        var definition = table.Definition;
        var index = ReadPage.Index(definition, indexName);
        if (index is { IsGlobal: true } && consistent)
        {
            throw DynamoDbException.Validation("Consistent reads are not supported on global secondary indexes");
        }
        var effectiveSelect = ReadPage.ResolveSelect(select, attributesToGet is not null, Wire.String(request, "ProjectionExpression") is not null, definition, index);
        var countOnly = effectiveSelect == "COUNT";
        var start = ReadPage.StartAfter(definition, index, startKey);
        var view = ReadPage.View(definition, index, effectiveSelect, projection);
        var (from, to) = SegmentBounds(segment, totalSegments);
        if (start is { } after && Entry.Comparer.Compare(after.After, from) > 0)
        {
            from = after.After;
        }
        ReadPage page;
        lock (table.Sync)
        {
            table.EnsureLiveLocked();
            page = ReadPage.Read(table.RangeLocked(index?.Name, from, to), null, false, filter, (int?)limit, view, countOnly ? null : projection, countOnly);
        }
        var capacity = Capacity.ForRead(capacityMode, definition.Name, index, page.BytesRead, consistent);
        page.WriteResponse(response, definition, index, countOnly, capacity);
    }

    /// <summary>Segment i of n covers partition tokens [i·2⁶⁴/n, (i+1)·2⁶⁴/n).</summary>
    private static (Entry From, Entry To) SegmentBounds(long? segment, long? total)
    {
        if (segment is not { } s || total is not { } n || n == 1)
        {
            return (Entry.First, Entry.Last);
        }
        var start = (ulong)(((UInt128)ulong.MaxValue + 1) * (ulong)s / (ulong)n);
        var from = s == 0 ? Entry.First : Entry.Probe(start, -1);
        var to = s == n - 1 ? Entry.Last : Entry.Probe((ulong)(((UInt128)ulong.MaxValue + 1) * (ulong)(s + 1) / (ulong)n), -1);
        return (from, to);
    }
}
