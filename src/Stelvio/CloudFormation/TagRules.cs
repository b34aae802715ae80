using System.Text.RegularExpressions;

namespace Stelvio.CloudFormation;

/// <summary>
/// AWS's rules for resource tags, checked at synth: at most 50 tags on a resource, keys of 1 to 128 and
/// values of at most 256 characters drawn from letters, digits, spaces and <c>_ . : / = + - @</c>; keys may
/// not start with <c>aws:</c> (reserved by AWS) nor <c>stelvio:</c> (reserved for <c>stelvio:app</c> and <c>stelvio:stage</c>).
/// </summary>
internal static partial class TagRules
{
    /// <summary>Tags on one resource.</summary>
    public const int MaxTags = 50;

    /// <summary>Characters in a tag key.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>Characters in a tag value.</summary>
    public const int MaxValueLength = 256;

    /// <summary>The tags Stelvio puts on every taggable resource.</summary>
    public const int StelvioTags = 2;

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*\z")]
    private static partial Regex Allowed();

    /// <summary>Checks the app-wide tags (<see cref="StelvioApp.Tags"/>).</summary>
    internal static void CheckApp(List<ConfigError> errors, IReadOnlyDictionary<string, string> tags)
    {
        Check(errors, "App", tags);
        if (tags.Count + StelvioTags > MaxTags)
        {
            errors.Add(new ConfigError("App", "Tags", $"{tags.Count} app tags plus stelvio:app and stelvio:stage make {tags.Count + StelvioTags}; AWS allows at most {MaxTags} tags on a resource. Remove some."));
        }
    }

    /// <summary>Checks a component's own tags and the number of tags its resources get in all.</summary>
    internal static void CheckComponent(List<ConfigError> errors, string component, IReadOnlyDictionary<string, string>? tags, int total)
    {
        if (tags is not null)
        {
            Check(errors, component, tags);
        }

        if (total > MaxTags)
        {
            errors.Add(new ConfigError(component, "Tags", $"its resources would carry {total} tags (Stelvio's, the app's and its own); AWS allows at most {MaxTags} on a resource. Remove some."));
        }
    }

    private static void Check(List<ConfigError> errors, string component, IReadOnlyDictionary<string, string> tags)
    {
        foreach (var (key, value) in tags)
        {
            var property = $"Tags[\"{key}\"]";
            if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
            {
                errors.Add(new ConfigError(component, property, $"a tag key must have 1 to {MaxKeyLength} characters (this one has {key?.Length ?? 0})."));
            }
            else if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new ConfigError(component, property, "tag keys starting with 'aws:' are reserved by AWS. Choose another key."));
            }
            else if (key.StartsWith("stelvio:", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new ConfigError(component, property, "tag keys starting with 'stelvio:' are reserved: Stelvio sets stelvio:app and stelvio:stage itself. Choose another key."));
            }
            else if (!Allowed().IsMatch(key))
            {
                errors.Add(new ConfigError(component, property, "the tag key may hold only letters, digits, spaces and _ . : / = + - @."));
            }

            if (value is null)
            {
                errors.Add(new ConfigError(component, property, "the tag value is null. Use \"\" for an empty value."));
            }
            else if (value.Length > MaxValueLength)
            {
                errors.Add(new ConfigError(component, property, $"the tag value has {value.Length} characters; AWS allows at most {MaxValueLength}."));
            }
            else if (!Allowed().IsMatch(value))
            {
                errors.Add(new ConfigError(component, property, $"the tag value '{value}' may hold only letters, digits, spaces and _ . : / = + - @."));
            }
        }
    }
}
