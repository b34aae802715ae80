namespace Stelvio.LocalCloud.Template;

/// <summary>The account and default region local ARNs are built with.</summary>
internal static class LocalAccount
{
    /// <summary>The fixed local account ID (the convention local AWS emulators share).</summary>
    public const string Id = "000000000000";

    /// <summary>The region when none is set.</summary>
    public const string DefaultRegion = "us-east-1";
}
