using System.Text;

namespace Stelvio.DynamoDB.Local.Model;

/// <summary>
/// Checks a request value as DynamoDB does, with its messages: empty sets, empty or duplicate set members,
/// and the 32-level nesting limit. Numbers are already checked when parsed (<see cref="DynamoNumber.Parse"/>).
/// </summary>
internal static class ValueValidation
{
    public const int MaxNestingDepth = 32;

    private const string Invalid = "One or more parameter values were invalid: ";

    /// <summary>AWS's message for the nesting limit.</summary>
    public const string NestingMessage =
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";

    /// <summary>AWS's message for the first problem in <paramref name="value"/>, or null when it is valid.</summary>
    public static string? Check(AttributeValue value) => Check(value, 0);

    /// <summary>AWS's message for the first problem in an item's values, or null when all are valid.</summary>
    public static string? CheckItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        foreach (var value in item.Values)
        {
            if (Check(value, 0) is { } error)
            {
                return error;
            }
        }
        return null;
    }

    private static string? Check(AttributeValue value, int depth)
    {
        switch (value.Type)
        {
            case AttributeType.SS:
                return CheckStringSet(value.SS);
            case AttributeType.NS:
                return CheckNumberSet(value.NS);
            case AttributeType.BS:
                return CheckBinarySet(value.BS);
            case AttributeType.M:
                if (depth + 1 > MaxNestingDepth)
                {
                    return NestingMessage;
                }
                foreach (var element in value.M.Values)
                {
                    if (Check(element, depth + 1) is { } error)
                    {
                        return error;
                    }
                }
                return null;
            case AttributeType.L:
                if (depth + 1 > MaxNestingDepth)
                {
                    return NestingMessage;
                }
                foreach (var element in value.L)
                {
                    if (Check(element, depth + 1) is { } error)
                    {
                        return error;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static string? CheckStringSet(IReadOnlyList<string> members)
    {
        if (members.Count == 0)
        {
            return Invalid + "An string set  may not be empty";
        }
        var seen = new HashSet<string>(members.Count, StringComparer.Ordinal);
        var duplicate = false;
        foreach (var member in members)
        {
            if (member.Length == 0)
            {
                return Invalid + "An string set may not have a empty string as a member";
            }
            duplicate |= !seen.Add(member);
        }
        return duplicate ? Invalid + "Input collection [" + string.Join(", ", members) + "] contains duplicates." : null;
    }

    private static string? CheckNumberSet(IReadOnlyList<DynamoNumber> members)
    {
        if (members.Count == 0)
        {
            return Invalid + "An number set  may not be empty";
        }
        var seen = new HashSet<DynamoNumber>(members.Count);
        foreach (var member in members)
        {
            if (!seen.Add(member))
            {
                return "Input collection contains duplicates";
            }
        }
        return null;
    }

    private static string? CheckBinarySet(IReadOnlyList<byte[]> members)
    {
        if (members.Count == 0)
        {
            return Invalid + "Binary sets should not be empty";
        }
        var seen = new HashSet<byte[]>(members.Count, ByteArrayComparer.Instance);
        var duplicate = false;
        foreach (var member in members)
        {
            if (member.Length == 0)
            {
                return Invalid + "Binary sets may not contain null or empty values";
            }
            duplicate |= !seen.Add(member);
        }
        if (!duplicate)
        {
            return null;
        }
        var text = new StringBuilder("Input collection [");
        for (var i = 0; i < members.Count; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(Convert.ToBase64String(members[i]));
        }
        return Invalid + text.Append("]of type BS contains duplicates.");
    }
}
