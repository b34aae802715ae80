namespace Stelvio.LocalCloud.Iam.Policies;

/// <summary>
/// IAM's wildcards in an <c>Action</c> or <c>Resource</c> element: <c>*</c> matches any run of characters (colons
/// and slashes included), <c>?</c> exactly one. Actions compare case-insensitively, resources (ARNs) case-sensitively.
/// </summary>
internal static class WildcardPattern
{
    public static bool Matches(string pattern, string value, bool ignoreCase)
    {
        // Iterative glob with one backtrack point for the last '*': linear for IAM's short patterns.
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
