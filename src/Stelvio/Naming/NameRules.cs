using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Stelvio.Naming;

/// <summary>
/// How declared names become AWS names. Physical names are <c>{app}-{stage}-{name}</c>; one that is
/// longer than the resource type allows keeps its start and ends in <c>-</c> plus 8 hex digits of a
/// SHA-256 of the full name, so it stays unique and the same on every synth.
/// Logical IDs are the PascalCase of the component name plus a suffix naming the resource
/// (<c>orders</c> → <c>OrdersTable</c>).
/// </summary>
internal static partial class NameRules
{
    /// <summary>Longest DynamoDB table name.</summary>
    public const int TableNameMax = 255;

    /// <summary>Longest Lambda function name.</summary>
    public const int FunctionNameMax = 64;

    /// <summary>Longest IAM role name.</summary>
    public const int RoleNameMax = 64;

    /// <summary>Longest component name.</summary>
    public const int ComponentNameMax = 128;

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_-]*\z")]
    private static partial Regex ComponentNamePattern();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9-]*\z")]
    private static partial Regex AppNamePattern();

    /// <summary>The message for a bad component name, or null when it is good.</summary>
    public static string? CheckComponentName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the name is empty. Give every component a short name such as \"orders\".";
        }

        if (name.Length > ComponentNameMax)
        {
            return $"the name has {name.Length} characters; at most {ComponentNameMax} are allowed.";
        }

        return ComponentNamePattern().IsMatch(name)
            ? null
            : $"the name '{name}' may hold only letters, digits, '-' and '_', and must start with a letter or digit (it becomes part of AWS resource names).";
    }

    /// <summary>The message for a bad app or stage name, or null when it is good.</summary>
    public static string? CheckAppOrStage(string what, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"the {what} is empty.";
        }

        if (value.Length > 64)
        {
            return $"the {what} '{value}' has {value.Length} characters; at most 64 are allowed.";
        }

        return AppNamePattern().IsMatch(value)
            ? null
            : $"the {what} '{value}' may hold only letters, digits and '-', and must start with a letter (it becomes part of the CloudFormation stack name).";
    }

    /// <summary>A stage name made from the OS user name: lower case, other characters turned into '-'.</summary>
    public static string DefaultStage(string userName)
    {
        var builder = new StringBuilder();
        foreach (var c in userName.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var stage = builder.ToString().Trim('-');
        if (stage.Length == 0 || !char.IsAsciiLetter(stage[0]))
        {
            stage = "dev" + (stage.Length == 0 ? "" : "-" + stage);
        }

        return stage.Length > 64 ? stage[..64] : stage;
    }

    /// <summary><c>{app}-{stage}-{name}</c>, shortened with a hash when longer than <paramref name="maxLength"/>.</summary>
    public static string PhysicalName(string app, string stage, string name, int maxLength) =>
        Shorten($"{app}-{stage}-{name}", maxLength);

    /// <summary>Returns <paramref name="name"/>, or its first characters plus '-' and an 8-hex-digit hash when too long.</summary>
    public static string Shorten(string name, int maxLength)
    {
        if (name.Length <= maxLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return name[..(maxLength - 9)].TrimEnd('-', '_', '.') + "-" + hash;
    }

    /// <summary>PascalCase of a name, keeping only ASCII letters and digits: <c>process-orders</c> → <c>ProcessOrders</c>.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (builder.Length > 0 && char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, 'N');
        }

        return builder.ToString();
    }
}
