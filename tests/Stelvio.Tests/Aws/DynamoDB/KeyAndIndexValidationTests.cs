using Stelvio.Aws.DynamoDB;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.DynamoDB;

/// <summary>Fields, keys and indexes that DynamoDB would refuse (or that mean nothing) are errors at declaration, with the fix.</summary>
public sealed class KeyAndIndexValidationTests
{
    private const string Orders = "DynamoTable 'orders'";

    [Fact]
    public void Fields_None_ThrowsAskingForThePartitionKey()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new() { PartitionKey = "id" }));

        Errors.Has(error, Orders, "Fields", "no fields are declared. Declare at least the partition key, e.g. Fields = { [\"id\"] = \"string\" }.");
    }

    [Theory]
    [InlineData("numeric")]
    [InlineData("int")]
    [InlineData("")]
    public void Fields_BadTypeSpelling_ThrowsNamingTheFieldAndTheAllowedValues(string spelling)
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["total"] = spelling },
            PartitionKey = "customer_id",
        }));

        Errors.Single(error, Orders, "Fields[\"total\"]", $"'{spelling}' is not a field type. Use \"string\", \"number\", \"binary\", \"S\", \"N\", \"B\" or FieldType.String/Number/Binary.");
    }

    [Fact]
    public void Fields_NameLongerThan255_Throws()
    {
        var name = new string('f', 256);
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["id"] = "string", [name] = "string" },
            PartitionKey = "id",
        }));

        Errors.Single(error, Orders, "Fields[\"ffffffffffffffffffff...\"]", "the field name has 256 characters; DynamoDB allows at most 255 for key attributes.");
    }

    [Fact]
    public void PartitionKey_NotInFields_ThrowsListingTheFields()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer",
        }));

        Errors.Single(error, Orders, "PartitionKey", "'customer' is not in Fields. Add [\"customer\"] = \"string\" (or \"number\", \"binary\") to Fields, or use one of: customer_id, order_date.");
    }

    [Fact]
    public void PartitionKey_Empty_ThrowsAsRequired()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "",
        }));

        Errors.Single(error, Orders, "PartitionKey", "is required. Name one of the declared fields (customer_id).");
    }

    [Fact]
    public void SortKey_NotInFields_ThrowsNamingIt()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
        }));

        Errors.Single(error, Orders, "SortKey", "'order_date' is not in Fields. Add [\"order_date\"] = \"string\" (or \"number\", \"binary\") to Fields, or use one of: customer_id, status.");
    }

    [Fact]
    public void SortKey_Empty_ThrowsAskingToLeaveItOut()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            SortKey = " ",
        }));

        Errors.Single(error, Orders, "SortKey", "is empty. Name one of the declared fields (customer_id), or leave it out.");
    }

    [Fact]
    public void SortKey_SameAsPartitionKey_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "customer_id",
        }));

        Errors.Single(error, Orders, "SortKey", "'customer_id' is also the partition key. A sort key must be another field; leave SortKey out if the table has none.");
    }

    [Fact]
    public void LocalIndex_OnTableWithoutSortKey_ThrowsSuggestingGlobalIndexes()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            LocalIndexes = { ["status-index"] = new LocalIndex("status") },
        }));

        Errors.Single(error, Orders, "LocalIndexes", "local indexes need a table sort key (they share the partition key and add another sort key). Set SortKey, or use GlobalIndexes instead.");
    }

    [Fact]
    public void LocalIndex_SortKeyNotInFields_ThrowsNamingTheIndex()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes = { ["status-index"] = new LocalIndex("status") },
        }));

        Errors.Single(error, Orders, "LocalIndexes[\"status-index\"].SortKey", "'status' is not in Fields. Add [\"status\"] = \"string\" (or \"number\", \"binary\") to Fields, or use one of: customer_id, order_date.");
    }

    [Fact]
    public void LocalIndex_SortKeyIsTheTableSortKey_ThrowsAsMeaningless()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes = { ["date-index"] = new LocalIndex("order_date") },
        }));

        Errors.Single(error, Orders, "LocalIndexes[\"date-index\"].SortKey", "'order_date' is already the table's sort key, so the index would repeat the table. Choose another field.");
    }

    [Fact]
    public void LocalIndex_SortKeyIsTheTablePartitionKey_ThrowsAsMeaningless()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes = { ["customer-index"] = new LocalIndex("customer_id") },
        }));

        Errors.Single(error, Orders, "LocalIndexes[\"customer-index\"].SortKey", "'customer_id' is the table's partition key, which a local index already shares. Choose another field.");
    }

    [Fact]
    public void LocalIndexes_MoreThanFive_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = Enumerable.Range(1, 6).ToDictionary(i => $"s{i}", _ => (Field)"string"),
            PartitionKey = "s1",
            SortKey = "s2",
            LocalIndexes = Enumerable.Range(1, 6).ToDictionary(i => $"index-{i}", i => new LocalIndex(i <= 2 ? "s3" : $"s{i}")),
        }));

        Errors.Has(error, Orders, "LocalIndexes", "6 local indexes are declared; DynamoDB allows at most 5 per table. Turn some into global indexes, or remove them.");
    }

    [Fact]
    public void LocalIndexes_Five_AreAccepted()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = Enumerable.Range(0, 7).ToDictionary(i => $"s{i}", _ => (Field)"string"),
            PartitionKey = "s0",
            SortKey = "s1",
            LocalIndexes = Enumerable.Range(2, 5).ToDictionary(i => $"index-{i}", i => new LocalIndex($"s{i}")),
        }));

        Assert.Equal(5, template.Resource("OrdersTable")["Properties"]!["LocalSecondaryIndexes"]!.AsArray().Count);
    }

    [Fact]
    public void GlobalIndexes_MoreThanTwenty_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = Enumerable.Range(0, 22).ToDictionary(i => $"g{i}", _ => (Field)"string"),
            PartitionKey = "g0",
            GlobalIndexes = Enumerable.Range(1, 21).ToDictionary(i => $"index-{i}", i => new GlobalIndex($"g{i}")),
        }));

        Errors.Single(error, Orders, "GlobalIndexes", "21 global indexes are declared; DynamoDB allows at most 20 per table. Remove some, or split the data over several tables.");
    }

    [Fact]
    public void GlobalIndexes_Twenty_AreAccepted()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = Enumerable.Range(0, 21).ToDictionary(i => $"g{i}", _ => (Field)"string"),
            PartitionKey = "g0",
            GlobalIndexes = Enumerable.Range(1, 20).ToDictionary(i => $"index-{i}", i => new GlobalIndex($"g{i}")),
        }));

        Assert.Equal(20, template.Resource("OrdersTable")["Properties"]!["GlobalSecondaryIndexes"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("ab", "the index name 'ab' must be 3 to 255 characters of letters, digits, '_', '-' and '.' (it has 2).")]
    [InlineData("by status", "the index name 'by status' must be 3 to 255 characters of letters, digits, '_', '-' and '.'.")]
    [InlineData("status/index", "the index name 'status/index' must be 3 to 255 characters of letters, digits, '_', '-' and '.'.")]
    [InlineData("by-status\n", "the index name 'by-status\n' must be 3 to 255 characters of letters, digits, '_', '-' and '.'.")]
    public void IndexName_BreakingDynamoDbRules_Throws(string name, string message)
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            GlobalIndexes = { [name] = new GlobalIndex("status") },
        }));

        Errors.Single(error, Orders, $"GlobalIndexes[\"{name}\"]", message);
    }

    [Fact]
    public void IndexName_Of256Characters_Throws()
    {
        var name = new string('i', 256);
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            GlobalIndexes = { [name] = new GlobalIndex("status") },
        }));

        Errors.Single(error, Orders, $"GlobalIndexes[\"{name}\"]", $"the index name '{name}' must be 3 to 255 characters of letters, digits, '_', '-' and '.' (it has 256).");
    }

    [Fact]
    public void IndexName_OfAllAllowedCharacters_IsAccepted()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            GlobalIndexes = { ["By_Status.v2-x"] = new GlobalIndex("status") },
        }));

        template.ResourcePropertiesMatch("OrdersTable", new { GlobalSecondaryIndexes = new[] { new { IndexName = "By_Status.v2-x" } } });
    }

    [Fact]
    public void IndexName_UsedByALocalAndAGlobalIndex_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes = { ["status-index"] = new LocalIndex("status") },
            GlobalIndexes = { ["status-index"] = new GlobalIndex("status") },
        }));

        Errors.Single(error, Orders, "LocalIndexes[\"status-index\"]", "the name 'status-index' is used by a local and a global index. Index names must be unique within a table.");
    }

    [Fact]
    public void GlobalIndex_WithTheTableKeys_ThrowsAsMeaningless()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            GlobalIndexes = { ["copy"] = new GlobalIndex("customer_id", "order_date") },
        }));

        Errors.Single(error, Orders, "GlobalIndexes[\"copy\"]", "has the same keys as the table, so it would repeat the table. Use other keys, or a local index for another sort key.");
    }

    [Fact]
    public void GlobalIndex_WithTheTablePartitionKeyOnTableWithoutSortKey_ThrowsAsMeaningless()
    {
        var error = Synth.Error(app => new DynamoTable("users", new()
        {
            Fields = { ["user_id"] = "string" },
            PartitionKey = "user_id",
            GlobalIndexes = { ["copy"] = new GlobalIndex("user_id") },
        }));

        Errors.Single(error, "DynamoTable 'users'", "GlobalIndexes[\"copy\"]", "has the same keys as the table, so it would repeat the table. Use other keys.");
    }

    [Fact]
    public void GlobalIndex_WithTheTablePartitionKeyAndAnotherSortKey_IsAccepted()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            GlobalIndexes = { ["by-total"] = new GlobalIndex("customer_id", "total") },
        }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            GlobalSecondaryIndexes = new[]
            {
                new
                {
                    IndexName = "by-total",
                    KeySchema = new object[] { new { AttributeName = "customer_id", KeyType = "HASH" }, new { AttributeName = "total", KeyType = "RANGE" } },
                },
            },
        });
    }

    [Fact]
    public void GlobalIndex_SortKeySameAsItsPartitionKey_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            GlobalIndexes = { ["by-status"] = new GlobalIndex("status", "status") },
        }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"].SortKey", "'status' is also the index's partition key. Choose another field, or leave SortKey out.");
    }

    [Fact]
    public void GlobalIndex_KeysNotInFields_ThrowsForEachKey()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            GlobalIndexes = { ["by-status"] = new GlobalIndex("status", "total") },
        }));

        Assert.Equal(2, error.Errors.Count);
        Errors.Has(error, Orders, "GlobalIndexes[\"by-status\"].PartitionKey", "'status' is not in Fields. Add [\"status\"] = \"string\" (or \"number\", \"binary\") to Fields, or use one of: customer_id.");
        Errors.Has(error, Orders, "GlobalIndexes[\"by-status\"].SortKey", "'total' is not in Fields. Add [\"total\"] = \"string\" (or \"number\", \"binary\") to Fields, or use one of: customer_id.");
    }

    [Fact]
    public void GlobalIndex_WithoutPartitionKey_ThrowsAsRequired()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            GlobalIndexes = { ["by-status"] = new GlobalIndex("status") { PartitionKey = null } },
        }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"].PartitionKey", "is required. Name one of the declared fields (customer_id, status).");
    }

    [Fact]
    public void Index_Null_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            GlobalIndexes = { ["by-status"] = null! },
        }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"]", "is null. Give a GlobalIndex, or remove the entry.");
    }

    [Fact]
    public void LocalIndex_Null_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes = { ["status-index"] = null! },
        }));

        Errors.Single(error, Orders, "LocalIndexes[\"status-index\"]", "is null. Give a LocalIndex, or remove the entry.");
    }

    [Fact]
    public void Fields_WithAnEmptyName_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["id"] = "string", [" "] = "string" },
            PartitionKey = "id",
        }));

        Errors.Single(error, Orders, "Fields", "a field has an empty name. Give each field the attribute name it stands for.");
    }

    [Fact]
    public void Stream_AnUndefinedStreamViewValue_ThrowsListingTheViewTypes()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            Stream = (StreamView)9,
        }));

        Errors.Single(error, Orders, "Stream", "'9' is not a stream view type. Use \"keys-only\", \"new-image\", \"old-image\", \"new-and-old-images\" (or KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, or StreamView).");
    }

    [Fact]
    public void Fields_AnUndefinedFieldTypeValue_ThrowsNamingTheFieldAndTheAllowedValues()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = (FieldType)7 },
            PartitionKey = "customer_id",
        }));

        Errors.Has(error, Orders, "Fields[\"customer_id\"]", "'7' is not a field type. Use \"string\", \"number\", \"binary\", \"S\", \"N\", \"B\" or FieldType.String/Number/Binary.");
    }

    [Fact]
    public void Stream_BadSpelling_ThrowsListingTheViewTypes()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            Stream = "new-and-old",
        }));

        Errors.Single(error, Orders, "Stream", "'new-and-old' is not a stream view type. Use \"keys-only\", \"new-image\", \"old-image\", \"new-and-old-images\" (or KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, or StreamView).");
    }

    [Fact]
    public void ManyProblems_AreReportedTogether()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "text" },
            PartitionKey = "customer",
            Stream = "all",
        }));

        Assert.Equal(3, error.Errors.Count);
        Assert.StartsWith("3 problems:", error.Message, StringComparison.Ordinal);
        Assert.All(error.Errors, e => Assert.Equal(Orders, e.Component));
        Assert.Equal(["Fields[\"customer_id\"]", "PartitionKey", "Stream"], error.Errors.Select(e => e.Property));
    }

    [Fact]
    public void ConfigError_IsThrownAtDeclarationAndTheTableIsNotRegistered()
    {
        StelvioApp? declared = null;
        Assert.Throws<StelvioConfigException>(() => StelvioApp.Declare(Synth.App, Synth.Stage, app =>
        {
            declared = app;
            _ = new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "missing" });
        }));

        Assert.NotNull(declared);
        Assert.Empty(declared!.Components);
    }
}
