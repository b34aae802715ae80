namespace Stelvio.Aws.DynamoDB;

/// <summary>The checks on a table's settings beyond keys and indexes: billing, time to live, removal policy.</summary>
internal static class TableSettingsRules
{
    /// <summary>
    /// Provisioned tables need read and write capacities of at least 1 (global indexes take the table's unless
    /// they give their own); on-demand tables take none.
    /// </summary>
    public static void CheckBilling(ConfigErrors errors, DynamoTableConfig config, IReadOnlyList<IndexDeclaration> globals)
    {
        if (config.Billing == BillingMode.Provisioned)
        {
            CheckCapacity(errors, "ReadCapacity", config.ReadCapacity, required: true);
            CheckCapacity(errors, "WriteCapacity", config.WriteCapacity, required: true);
            foreach (var index in globals)
            {
                CheckCapacity(errors, $"GlobalIndexes[\"{index.Name}\"].ReadCapacity", index.ReadCapacity, required: false);
                CheckCapacity(errors, $"GlobalIndexes[\"{index.Name}\"].WriteCapacity", index.WriteCapacity, required: false);
            }

            return;
        }

        if (config.Billing != BillingMode.PayPerRequest)
        {
            errors.Add("Billing", $"'{config.Billing}' is not a billing mode. Use BillingMode.PayPerRequest or BillingMode.Provisioned.");
            return;
        }

        const string Fix = "capacities apply only to provisioned tables (this one is billed per request). Set Billing = BillingMode.Provisioned, or remove the capacity.";
        if (config.ReadCapacity is not null)
        {
            errors.Add("ReadCapacity", Fix);
        }

        if (config.WriteCapacity is not null)
        {
            errors.Add("WriteCapacity", Fix);
        }

        foreach (var index in globals)
        {
            if (index.ReadCapacity is not null)
            {
                errors.Add($"GlobalIndexes[\"{index.Name}\"].ReadCapacity", Fix);
            }

            if (index.WriteCapacity is not null)
            {
                errors.Add($"GlobalIndexes[\"{index.Name}\"].WriteCapacity", Fix);
            }
        }
    }

    /// <summary>The TTL attribute must be a usable attribute name and, when declared in Fields, a number.</summary>
    public static void CheckTimeToLive(ConfigErrors errors, string? attribute, IReadOnlyDictionary<string, string> fields)
    {
        if (attribute is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(attribute))
        {
            errors.Add("TimeToLiveAttribute", "is empty. Name the number attribute that holds each item's expiry time (epoch seconds), or leave it out.");
        }
        else if (attribute.Length > TableSchema.MaxAttributeNameLength)
        {
            errors.Add("TimeToLiveAttribute", $"has {attribute.Length} characters; DynamoDB allows at most {TableSchema.MaxAttributeNameLength}.");
        }
        else if (fields.TryGetValue(attribute, out var type) && type != "N")
        {
            errors.Add("TimeToLiveAttribute", $"'{attribute}' is declared as a {(type == "S" ? "string" : "binary")} field; DynamoDB reads expiry times only from number attributes holding epoch seconds. Declare it as \"number\".");
        }
    }

    /// <summary>CloudFormation cannot snapshot a DynamoDB table on deletion.</summary>
    public static void CheckRemovalPolicy(ConfigErrors errors, RemovalPolicy? policy)
    {
        if (policy == RemovalPolicy.Snapshot)
        {
            errors.Add("RemovalPolicy", "Snapshot is not supported for DynamoDB tables (CloudFormation accepts only Delete, Retain and RetainExceptOnCreate). Use RemovalPolicy.Retain, or turn on PointInTimeRecovery.");
        }
        else if (policy is { } value && !Enum.IsDefined(value))
        {
            errors.Add("RemovalPolicy", $"'{value}' is not a removal policy. Use RemovalPolicy.Delete, Retain or RetainExceptOnCreate.");
        }
    }

    private static void CheckCapacity(ConfigErrors errors, string property, int? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(property, "is required with provisioned billing. Give at least 1 capacity unit, or use BillingMode.PayPerRequest.");
            }
        }
        else if (value < 1)
        {
            errors.Add(property, $"is {value}; provisioned capacity must be at least 1 unit.");
        }
    }
}
