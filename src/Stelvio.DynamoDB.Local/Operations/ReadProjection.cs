using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>Which attributes a read returns: ProjectionExpression or the legacy AttributesToGet.</summary>
internal sealed class ReadProjection
{
    private readonly List<string>? _attributesToGet;

    private ReadProjection(List<string>? attributesToGet) => _attributesToGet = attributesToGet;

    public static ReadProjection? Read(JsonElement request, Constraints constraints)
    {
        var attributesToGet = Wire.StringList(request, "AttributesToGet");
        constraints.Count(attributesToGet, "attributesToGet", 1, int.MaxValue, () => "[]");
        var expression = Wire.String(request, "ProjectionExpression");
        if (expression is not null)
        {
            throw DynamoDbException.Validation("ProjectionExpression is not supported yet");
        }
        return attributesToGet is null ? null : new ReadProjection(attributesToGet);
    }

    public void Validate()
    {
        if (_attributesToGet is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in _attributesToGet)
            {
                if (!seen.Add(name))
                {
                    throw DynamoDbException.Validation($"One or more parameter values were invalid: Duplicate value in attribute name: {name}");
                }
            }
        }
    }

    public IReadOnlyDictionary<string, AttributeValue> Apply(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var name in _attributesToGet!)
        {
            if (item.TryGetValue(name, out var value))
            {
                result[name] = value;
            }
        }
        return result;
    }
}
