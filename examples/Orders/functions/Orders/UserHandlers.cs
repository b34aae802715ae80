using System.Text.Json;
using System.Text.Json.Serialization;
using Stelvio.Lambda.Context;

namespace Orders.Functions;

/// <summary>A function linked to the users table: the link gives it the table's name as <c>STLV_USERS_TABLE_NAME</c>.</summary>
public static class UserHandlers
{
    /// <summary>The environment variable the users link sets.</summary>
    public const string TableNameVariable = "STLV_USERS_TABLE_NAME";

    /// <summary>Logs which table it would use and answers with it and the event's <c>user_id</c>, if any.</summary>
    public static Task<UserResult> Handle(JsonElement request, ILambdaContext context)
    {
        var table = Environment.GetEnvironmentVariable(TableNameVariable);
        context.Logger.LogInformation($"Users table: {table ?? "(not linked)"}");
        var userId = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("user_id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
        return Task.FromResult(new UserResult(table, userId));
    }
}

/// <summary>The answer of <see cref="UserHandlers.Handle"/>.</summary>
public sealed record UserResult(
    [property: JsonPropertyName("table")] string? Table,
    [property: JsonPropertyName("user_id")] string? UserId);

/// <summary>JSON metadata for this project's own types (no reflection, Native AOT safe).</summary>
[JsonSerializable(typeof(UserResult))]
public sealed partial class FunctionsJsonContext : JsonSerializerContext;
