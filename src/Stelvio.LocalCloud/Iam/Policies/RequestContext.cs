namespace Stelvio.LocalCloud.Iam.Policies;

/// <summary>
/// The condition keys of one request, as policies see them. Keys in <see cref="Evaluated"/> are the ones the local
/// cloud knows the value (or the absence) of; a condition on any other key cannot be evaluated.
/// </summary>
internal sealed class RequestContext
{
    /// <summary>The condition keys the local cloud evaluates.</summary>
    public static readonly IReadOnlySet<string> Evaluated = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "aws:RequestedRegion",
        "aws:PrincipalArn",
        "aws:PrincipalAccount",
        "aws:PrincipalType",
        "aws:CurrentTime",
        "aws:EpochTime",
        "dynamodb:EnclosingOperation",
        "dynamodb:LeadingKeys",
    };

    /// <summary>Marks a key whose value this request has but the local cloud could not tell.</summary>
    private static readonly IReadOnlyList<string> UnknownValues = [];

    private readonly Dictionary<string, IReadOnlyList<string>> _values;

    public RequestContext()
        : this(new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase))
    {
    }

    private RequestContext(Dictionary<string, IReadOnlyList<string>> values) => _values = values;

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="values"/>.</summary>
    public RequestContext With(string key, params IReadOnlyList<string> values) =>
        new(new Dictionary<string, IReadOnlyList<string>>(_values, StringComparer.OrdinalIgnoreCase) { [key] = values });

    /// <summary>A copy in which <paramref name="key"/> has a value the local cloud cannot tell: conditions on it are <see cref="ConditionOutcome.Unknown"/>.</summary>
    public RequestContext WithUnknown(string key) => With(key, UnknownValues);

    /// <summary>Whether <paramref name="key"/> was marked with <see cref="WithUnknown"/>.</summary>
    public bool IsUnknown(string key) => ReferenceEquals(_values.GetValueOrDefault(key), UnknownValues);

    /// <summary>The values of <paramref name="key"/>; null when the request does not carry it.</summary>
    public IReadOnlyList<string>? Values(string key) => _values.GetValueOrDefault(key);
}
