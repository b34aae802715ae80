using System.Text.Json;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>Reads the legacy parameter shapes (Expected, KeyConditions, QueryFilter, ScanFilter, AttributeUpdates) from the wire.</summary>
internal static class LegacyJson
{
    private static readonly string[] Operators = ["EQ", "NE", "IN", "LE", "LT", "GE", "GT", "BETWEEN", "NOT_NULL", "NULL", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH"];

    public static Dictionary<string, ExpectedAttribute>? Expected(JsonElement request, Constraints constraints)
    {
        if (Wire.Map(request, "Expected") is not { } map)
        {
            return null;
        }
        var result = new Dictionary<string, ExpectedAttribute>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            var entry = property.Value.ValueKind == JsonValueKind.Object ? property.Value : throw WireErrors.WrongType(property.Value.ValueKind, WireShape.Structure);
            var op = Wire.String(entry, "ComparisonOperator");
            constraints.Enum(op, $"expected.{property.Name}.member.comparisonOperator", Operators);
            result[property.Name] = new ExpectedAttribute(
                Wire.Structure(entry, "Value") is { } value ? AttributeValueJson.Read(value) : null,
                Wire.Bool(entry, "Exists"),
                op,
                ValueList(entry));
        }
        return result;
    }

    /// <summary>KeyConditions, QueryFilter or ScanFilter.</summary>
    public static Dictionary<string, LegacyCondition>? Conditions(JsonElement request, string member, Constraints constraints)
    {
        if (Wire.Map(request, member) is not { } map)
        {
            return null;
        }
        var path = char.ToLowerInvariant(member[0]) + member[1..];
        var result = new Dictionary<string, LegacyCondition>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            var entry = property.Value.ValueKind == JsonValueKind.Object ? property.Value : throw WireErrors.WrongType(property.Value.ValueKind, WireShape.Structure);
            var op = Wire.String(entry, "ComparisonOperator");
            constraints.NotNull(op, $"{path}.{property.Name}.member.comparisonOperator");
            constraints.Enum(op, $"{path}.{property.Name}.member.comparisonOperator", Operators);
            result[property.Name] = new LegacyCondition(op ?? "", ValueList(entry));
        }
        return result;
    }

    public static Dictionary<string, AttributeUpdate>? AttributeUpdates(JsonElement request, Constraints constraints)
    {
        if (Wire.Map(request, "AttributeUpdates") is not { } map)
        {
            return null;
        }
        var result = new Dictionary<string, AttributeUpdate>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            var entry = property.Value.ValueKind == JsonValueKind.Object ? property.Value : throw WireErrors.WrongType(property.Value.ValueKind, WireShape.Structure);
            var action = Wire.String(entry, "Action");
            constraints.Enum(action, $"attributeUpdates.{property.Name}.member.action", "ADD", "PUT", "DELETE");
            result[property.Name] = new AttributeUpdate(Wire.Structure(entry, "Value") is { } value ? AttributeValueJson.Read(value) : null, action);
        }
        return result;
    }

    private static List<AttributeValue>? ValueList(JsonElement entry)
    {
        if (Wire.List(entry, "AttributeValueList") is not { } list)
        {
            return null;
        }
        var values = new List<AttributeValue>(list.GetArrayLength());
        foreach (var element in list.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Null)
            {
                values.Add(AttributeValueJson.Read(element));
            }
        }
        return values;
    }
}
