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
        registry.Add(Service, "PutItem", PutItem.Handle);
        registry.Add(Service, "GetItem", GetItem.Handle);
        registry.Add(Service, "DeleteItem", DeleteItem.Handle);
        registry.Add(Service, "UpdateItem", UpdateItem.Handle);
        registry.Add(Service, "Query", Query.Handle);
        registry.Add(Service, "Scan", Scan.Handle);
    }
}
