using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Stelvio.LocalCloud.Tests.Gateway;

/// <summary>DynamoDB calls through the gateway with the real AWS SDK, signed with a function's credentials.</summary>
public sealed class DynamoAuthorizationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static Dictionary<string, AttributeValue> Item(string pk, string? customer = null)
    {
        var item = new Dictionary<string, AttributeValue> { ["pk"] = new(pk) };
        if (customer is not null)
        {
            item["customer"] = new AttributeValue(customer);
        }
        return item;
    }

    private static string Denied(string function, string role, string action, string resource) =>
        $"User: arn:aws:sts::000000000000:assumed-role/{role}/{function} is not authorized to perform: {action} on resource: {resource} because no identity-based policy allows the {action} action";

    [Fact]
    public async Task Allowed_calls_reach_the_engine()
    {
        using var writer = fixture.ClientFor("writer");
        await writer.PutItemAsync(new PutItemRequest { TableName = "orders", Item = Item("allowed-1", "ada") });
        var read = await writer.GetItemAsync(new GetItemRequest { TableName = "orders", Key = Item("allowed-1") });
        Assert.Equal("ada", read.Item["customer"].S);
        var described = await writer.DescribeTableAsync("orders");
        Assert.Equal("orders", described.Table.TableName);
    }

    [Fact]
    public async Task A_table_the_function_is_not_linked_to_is_denied_with_AWS_message()
    {
        using var writer = fixture.ClientFor("writer");
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            writer.PutItemAsync(new PutItemRequest { TableName = "secret", Item = Item("x") }));
        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(Denied("writer", "app-writer-role", "dynamodb:PutItem", IamTestApp.TableArn("secret")), error.Message);
        Assert.Contains(fixture.Denied, d => d.FunctionName == "writer" && d.Action == "dynamodb:PutItem" && d.Resource == IamTestApp.TableArn("secret") && d.Message == error.Message);
        using var engineView = fixture.Client(new BasicAWSCredentials("developer", "developer"));
        var stored = await engineView.GetItemAsync(new GetItemRequest { TableName = "secret", Key = Item("x") });
        Assert.False(stored.IsItemSet);
    }

    [Fact]
    public async Task A_query_on_an_index_needs_the_index_ARN()
    {
        using var writer = fixture.ClientFor("writer");
        var query = new QueryRequest
        {
            TableName = "orders",
            IndexName = "byCustomer",
            KeyConditionExpression = "customer = :c",
            ExpressionAttributeValues = new() { [":c"] = new AttributeValue("ada") },
        };
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => writer.QueryAsync(query));
        Assert.Equal(Denied("writer", "app-writer-role", "dynamodb:Query", IamTestApp.TableArn("orders") + "/index/byCustomer"), error.Message);

        using var reader = fixture.ClientFor("reader");
        var found = await reader.QueryAsync(query);
        Assert.NotNull(found.Items);
    }

    [Fact]
    public async Task A_batch_with_one_table_denied_is_denied()
    {
        using var writer = fixture.ClientFor("writer");
        var batch = new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                ["orders"] = [new WriteRequest(new PutRequest(Item("batch-1")))],
                ["secret"] = [new WriteRequest(new PutRequest(Item("batch-1")))],
            },
        };
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => writer.BatchWriteItemAsync(batch));
        Assert.Equal(Denied("writer", "app-writer-role", "dynamodb:BatchWriteItem", IamTestApp.TableArn("secret")), error.Message);
        var orders = await writer.GetItemAsync(new GetItemRequest { TableName = "orders", Key = Item("batch-1") });
        Assert.False(orders.IsItemSet);
    }

    [Fact]
    public async Task A_transaction_needs_each_item_action()
    {
        using var writer = fixture.ClientFor("writer");
        var transaction = new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = "orders", Item = Item("tx-1") } },
                new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = "secret", Key = Item("tx-1"), ConditionExpression = "attribute_not_exists(pk)" } },
            ],
        };
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => writer.TransactWriteItemsAsync(transaction));
        Assert.Equal(Denied("writer", "app-writer-role", "dynamodb:ConditionCheckItem", IamTestApp.TableArn("secret")), error.Message);

        transaction.TransactItems[1] = new TransactWriteItem { Put = new Put { TableName = "audit", Item = Item("tx-1") } };
        await writer.TransactWriteItemsAsync(transaction);
    }

    [Fact]
    public async Task PartiQL_needs_the_PartiQL_action()
    {
        using var writer = fixture.ClientFor("writer");
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            writer.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = "SELECT * FROM \"orders\" WHERE pk = 'a'" }));
        Assert.Equal(Denied("writer", "app-writer-role", "dynamodb:PartiQLSelect", IamTestApp.TableArn("orders")), error.Message);
    }

    [Fact]
    public async Task An_explicit_deny_wins_over_an_allow()
    {
        using var writer = fixture.ClientFor("writer");
        await writer.PutItemAsync(new PutItemRequest { TableName = "audit", Item = Item("kept") });
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            writer.DeleteItemAsync(new DeleteItemRequest { TableName = "audit", Key = Item("kept") }));
        Assert.Equal(
            $"User: arn:aws:sts::000000000000:assumed-role/app-writer-role/writer is not authorized to perform: dynamodb:DeleteItem on resource: {IamTestApp.TableArn("audit")} with an explicit deny in an identity-based policy",
            error.Message);
    }

    [Fact]
    public async Task Action_wildcards_match_case_insensitively()
    {
        using var writer = fixture.ClientFor("writer");
        var read = await writer.GetItemAsync(new GetItemRequest { TableName = "secret", Key = Item("none") });
        Assert.False(read.IsItemSet);
        await Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            writer.ScanAsync(new ScanRequest { TableName = "secret" }));
    }

    [Fact]
    public async Task Leading_keys_conditions_limit_the_partition_keys()
    {
        using var tenant = fixture.ClientFor("tenant");
        await tenant.PutItemAsync(new PutItemRequest { TableName = "orders", Item = Item("tenant-a", "ada") });
        var query = await tenant.QueryAsync(new QueryRequest
        {
            TableName = "orders",
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue("tenant-a") },
        });
        Assert.Single(query.Items);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            tenant.PutItemAsync(new PutItemRequest { TableName = "orders", Item = Item("tenant-b") }));
        Assert.Equal(Denied("tenant", "app-tenant-role", "dynamodb:PutItem", IamTestApp.TableArn("orders")), error.Message);
        await Assert.ThrowsAsync<AmazonDynamoDBException>(() => tenant.QueryAsync(new QueryRequest
        {
            TableName = "orders",
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue("tenant-b") },
        }));
    }

    [Fact]
    public async Task Developer_credentials_are_allowed_everything()
    {
        using var developer = fixture.Client(new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "developer-secret"));
        await developer.PutItemAsync(new PutItemRequest { TableName = "secret", Item = Item("developer") });
        var tables = await developer.ListTablesAsync();
        Assert.Contains("secret", tables.TableNames);
    }

    [Fact]
    public async Task A_wrong_secret_is_rejected_with_InvalidSignatureException()
    {
        var credentials = fixture.Credentials("writer");
        using var forged = fixture.Client(new SessionAWSCredentials(credentials.AccessKeyId, "not-the-secret", credentials.SessionToken));
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            forged.PutItemAsync(new PutItemRequest { TableName = "orders", Item = Item("forged") }));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_session_token_is_rejected_with_UnrecognizedClientException()
    {
        var credentials = fixture.Credentials("writer");
        using var forged = fixture.Client(new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, "another-token"));
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            forged.PutItemAsync(new PutItemRequest { TableName = "orders", Item = Item("forged") }));
        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.", error.Message);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_rejected()
    {
        var credentials = fixture.Credentials("writer");
        using var tampered = new AmazonDynamoDBClient(
            new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
            new AmazonDynamoDBConfig { ServiceURL = fixture.Endpoint.ToString(), AuthenticationRegion = IamTestApp.Region, MaxErrorRetry = 0, HttpClientFactory = new TamperingHttpClientFactory("tampered-1", "tampered-2") });
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            tampered.PutItemAsync(new PutItemRequest { TableName = "orders", Item = Item("tampered-1") }));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        using var writer = fixture.ClientFor("writer");
        Assert.False((await writer.GetItemAsync(new GetItemRequest { TableName = "orders", Key = Item("tampered-2") })).IsItemSet);
    }
}
