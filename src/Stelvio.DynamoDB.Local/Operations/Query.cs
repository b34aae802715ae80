using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>Query: one partition of the table, an LSI or a GSI, in sort-key order, filtered and projected, paged.</summary>
internal static class Query
{
    private static readonly string[] Legacy = ["KeyConditions", "QueryFilter", "AttributesToGet", "ConditionalOperator"];
    private static readonly string[] Expressions = ["KeyConditionExpression", "FilterExpression", "ProjectionExpression"];

    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        ReadPage.ConstrainCommon(request, constraints, out var indexName, out var select, out var limit, out var consistent);
        var attributesToGet = ReadProjection.AttributesToGet(request, constraints);
        var keyConditions = LegacyJson.Conditions(request, "KeyConditions", constraints);
        var queryFilter = LegacyJson.Conditions(request, "QueryFilter", constraints);
        var conditionalOperator = Wire.String(request, "ConditionalOperator");
        constraints.Enum(conditionalOperator, "conditionalOperator", "AND", "OR");
        var capacityMode = Common.ConsumedCapacity(request, constraints);
        var forward = Wire.Bool(request, "ScanIndexForward") ?? true;
        constraints.ThrowIfAny();
        RequestExpressions.CheckNotMixed(request, Legacy, Expressions);
        var context = RequestExpressions.ReadContext(request, Expressions);
        var startKey = AttributeValueJson.ReadItem(request, "ExclusiveStartKey");
        var keyText = Wire.String(request, "KeyConditionExpression");
        KeyCondition keyCondition;
        if (keyText is not null)
        {
            keyCondition = ExpressionParser.ParseKeyCondition(keyText, context);
        }
        else if (keyConditions is not null)
        {
            keyCondition = LegacyExpressions.FromKeyConditions(keyConditions);
        }
        else
        {
            throw DynamoDbException.Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        var filterText = Wire.String(request, "FilterExpression");
        Condition? filter = filterText is not null
            ? ExpressionParser.ParseCondition(filterText, context, "FilterExpression")
            : queryFilter is not null ? LegacyExpressions.FromFilter(queryFilter, conditionalOperator, "QueryFilter") : null;
        var projection = ReadProjection.Parse(request, context, attributesToGet);
        context.ThrowIfUnused();

        var table = engine.Catalog.Get(tableName!);
        var definition = table.Definition;
        var index = ReadPage.Index(definition, indexName);
        if (index is { IsGlobal: true } && consistent)
        {
            throw DynamoDbException.Validation("Consistent reads are not supported on global secondary indexes");
        }
        var key = index?.Key ?? definition.Key;
        keyCondition.Validate(key.HashName, key.HashType, key.RangeName, key.HasRange ? key.RangeType : null);
        var effectiveSelect = ReadPage.ResolveSelect(select, attributesToGet is not null, Wire.String(request, "ProjectionExpression") is not null, definition, index);
        var countOnly = effectiveSelect == "COUNT";
        var start = ReadPage.StartAfter(definition, index, startKey);
        var hash = keyCondition.PartitionValue;
        if (start is { } s && !s.Hash.Equals(hash))
        {
            throw DynamoDbException.Validation("The provided starting key is invalid: The provided starting key does not match the range key predicate");
        }
        var view = ReadPage.View(definition, index, effectiveSelect, projection);
        ReadPage page;
        lock (table.Sync)
        {
            table.EnsureLiveLocked();
            var (from, to, stop) = Bounds(keyCondition, hash);
            if (start is { } after)
            {
                if (forward)
                {
                    from = Max(from, after.After);
                }
                else
                {
                    to = Min(to, after.Before);
                }
            }
            var entries = table.RangeLocked(index?.Name, from, to, forward);
            Func<Entry, bool>? match = keyCondition.SortOperator == SortKeyOperator.BeginsWith ? e => keyCondition.Matches(e.Range!) : null;
            page = ReadPage.Read(entries, match, stop && forward, filter, (int?)limit, view, countOnly ? null : projection, countOnly);
        }
        var capacity = Capacity.ForRead(capacityMode, definition.Name, index, page.BytesRead, consistent);
        page.WriteResponse(response, definition, index, countOnly, capacity);
    }

    private static Entry Max(Entry a, Entry b) => Entry.Comparer.Compare(a, b) >= 0 ? a : b;

    private static Entry Min(Entry a, Entry b) => Entry.Comparer.Compare(a, b) <= 0 ? a : b;

    /// <summary>The probes around the part of the partition the sort key condition selects.</summary>
    private static (Entry From, Entry To, bool StopOnMismatch) Bounds(KeyCondition condition, AttributeValue hash)
    {
        var first = Entry.Probe(hash, null, false, -1);
        var last = Entry.Probe(hash, null, false, 1);
        var v = condition.SortValue;
        return condition.SortOperator switch
        {
            SortKeyOperator.Equal => (Entry.Probe(hash, v, true, -1), Entry.Probe(hash, v, true, 1), false),
            SortKeyOperator.Less => (first, Entry.Probe(hash, v, true, -1), false),
            SortKeyOperator.LessOrEqual => (first, Entry.Probe(hash, v, true, 1), false),
            SortKeyOperator.Greater => (Entry.Probe(hash, v, true, 1), last, false),
            SortKeyOperator.GreaterOrEqual => (Entry.Probe(hash, v, true, -1), last, false),
            SortKeyOperator.Between => (Entry.Probe(hash, v, true, -1), Entry.Probe(hash, condition.SortValue2, true, 1), false),
            SortKeyOperator.BeginsWith => (Entry.Probe(hash, v, true, -1), last, true),
            _ => (first, last, false),
        };
    }
}
