using System.Text.Json;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>Which attributes a read returns: ProjectionExpression or the legacy AttributesToGet.</summary>
internal static class ReadProjection
{
    /// <summary>Reads AttributesToGet (constrained); the expression is parsed by <see cref="Parse"/>.</summary>
    public static List<string>? AttributesToGet(JsonElement request, Constraints constraints)
    {
        var attributesToGet = Wire.StringList(request, "AttributesToGet");
        constraints.Count(attributesToGet, "attributesToGet", 1, int.MaxValue, () => "[]");
        return attributesToGet;
    }

    public static Projection? Parse(JsonElement request, ExpressionContext context, List<string>? attributesToGet)
    {
        var expression = Wire.String(request, "ProjectionExpression");
        if (expression is not null)
        {
            return ExpressionParser.ParseProjection(expression, context);
        }
        return attributesToGet is null ? null : LegacyExpressions.FromAttributesToGet(attributesToGet);
    }

    public static IReadOnlyDictionary<string, AttributeValue> Apply(Projection? projection, IReadOnlyDictionary<string, AttributeValue> item) =>
        projection is null ? item : projection.Apply(item);
}
