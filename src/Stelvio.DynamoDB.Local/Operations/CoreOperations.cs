using Stelvio.DynamoDB.Local.Protocol;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>Registers the DynamoDB operations of this layer (tables and items).</summary>
internal static class CoreOperations
{
    public static void Register(OperationRegistry registry)
    {
        const string Service = OperationRegistry.DynamoDB;
        registry.Add(Service, "CreateTable", CreateTable.Handle);
        registry.Add(Service, "DescribeTable", DescribeTable.Handle);
        registry.Add(Service, "ListTables", ListTables.Handle);
        registry.Add(Service, "DeleteTable", DeleteTable.Handle);
        registry.Add(Service, "UpdateTable", UpdateTable.Handle);
        registry.Add(Service, "PutItem", PutItem.Handle);
        registry.Add(Service, "GetItem", GetItem.Handle);
        registry.Add(Service, "DeleteItem", DeleteItem.Handle);
        registry.Add(Service, "UpdateItem", UpdateItem.Handle);
        registry.Add(Service, "Query", Query.Handle);
        registry.Add(Service, "Scan", Scan.Handle);
        registry.Add(Service, "BatchGetItem", BatchGetItem.Handle);
        registry.Add(Service, "BatchWriteItem", BatchWriteItem.Handle);
        registry.Add(Service, "TransactGetItems", TransactGetItems.Handle);
        registry.Add(Service, "TransactWriteItems", TransactWriteItems.Handle);
        registry.Add(Service, "UpdateTimeToLive", UpdateTimeToLive.Handle);
        registry.Add(Service, "DescribeTimeToLive", DescribeTimeToLive.Handle);
        registry.Add(Service, "DescribeContinuousBackups", ContinuousBackups.Describe);
        registry.Add(Service, "UpdateContinuousBackups", ContinuousBackups.Update);
        registry.Add(Service, "TagResource", Tags.Tag);
        registry.Add(Service, "UntagResource", Tags.Untag);
        registry.Add(Service, "ListTagsOfResource", Tags.List);
        registry.Add(Service, "DescribeLimits", ServiceInfo.DescribeLimits);
        registry.Add(Service, "DescribeEndpoints", ServiceInfo.DescribeEndpoints);
    }
}
