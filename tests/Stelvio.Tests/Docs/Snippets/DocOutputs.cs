namespace Stelvio.Tests.Docs.Snippets;

/// <summary>
/// What the doc shows the snippets produce (template fragments, warnings, error messages, generated files),
/// by snippet name. Each is computed from the code of the test that holds the snippet, so a change in
/// Stelvio's output makes the doc test fail until the doc shows the new output.
/// </summary>
internal static class DocOutputs
{
    public static IReadOnlyDictionary<string, Func<string>> All { get; } = new Dictionary<string, Func<string>>(StringComparer.Ordinal)
    {
        ["table-friendly-types.warning"] = () => DocJson.Warnings(TablesDocsTests.FriendlyFieldTypes()),
        ["table-field-type-typo.error"] = TablesDocsTests.MisspeltFieldTypeError,
        ["projection-key-attributes.warnings"] = () => DocJson.Warnings(TablesDocsTests.KeyAttributesInProjections()),
        ["subscribe.resources"] = () => DocJson.Resources(SubscriptionsDocsTests.Subscribe()),
        ["subscribe.mapping"] = () => DocJson.Show(SubscriptionsDocsTests.Subscribe().Resource("OrdersProcessOrdersEventSourceMapping")),
        ["subscribe.policy"] = () => DocJson.Statements(SubscriptionsDocsTests.Subscribe(), "OrdersProcessOrdersPolicy"),
        ["subscribe-handler-twice.error"] = SubscriptionsDocsTests.HandlerGivenTwiceError,
        ["subscribe-without-stream.error"] = SubscriptionsDocsTests.NoStreamError,
        ["subscribe-python-without-runtime.error"] = SubscriptionsDocsTests.PythonHandlerWithoutRuntimeError,
        ["subscription-options.mapping"] = () => DocJson.Show(SubscriptionsDocsTests.Options().Resource("OrdersShipOrdersEventSourceMapping")["Properties"]),
        ["subscription-filters.mapping"] = () => DocJson.Properties(SubscriptionsDocsTests.Filters(), "OrdersPaidOrdersEventSourceMapping", "FilterCriteria"),
        ["subscribe-with-link.policy"] = () => DocJson.Statements(SubscriptionsDocsTests.SubscriptionWithLink(), "OrdersProcessOrdersPolicy"),
        ["link-table.policy"] = () => DocJson.Statements(LinksDocsTests.LinkTable(), "ProcessUserPolicy"),
        ["link-table.environment"] = () => DocJson.Properties(LinksDocsTests.LinkTable(), "ProcessUserFunction", "Environment"),
        ["link-table.resources-file"] = LinksDocsTests.TypedAccessFile,
        ["link-variable-names"] = LinkVariableNames,
        ["link-variable-clash.error"] = LinksDocsTests.VariableClashError,
        ["link-read-only.policy"] = () => DocJson.Statements(LinksDocsTests.ReadOnlyLink(), "ReportPolicy"),
        ["link-custom.policy"] = () => DocJson.Statements(LinksDocsTests.CustomLinks(), "CheckoutPolicy"),
        ["function-config.function"] = () => DocJson.Properties(FunctionsDocsTests.WithFunctionConfig(), "ProcessUserFunction", "Runtime", "Handler", "MemorySize", "Timeout", "Architectures", "Environment"),
        ["function-defaults.function"] = () => DocJson.Properties(FunctionsDocsTests.Defaults(), "WorkerFunction", "Runtime", "Handler", "Role", "MemorySize", "Timeout", "Architectures"),
        ["function-out-of-range.error"] = FunctionsDocsTests.OutOfRangeError,
        ["projects.app-csproj"] = () => TemplateFile("Shop.csproj"),
        ["projects.handlers-csproj"] = () => TemplateFile("functions/Shop/Shop.Functions.csproj"),
        ["projects.handlers-program"] = () => TemplateFile("functions/Shop/Program.cs"),
        ["testing.tests-csproj"] = () => TemplateFile("tests/Shop.Tests/Shop.Tests.csproj"),
    };

    /// <summary>A file of the dotnet new template as an app gets it: with the packages' version.</summary>
    private static string TemplateFile(string path)
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(DocSources.RepoRoot, "Directory.Build.props"));
        string Property(string name) => props.Descendants(name).Single().Value;
        var text = File.ReadAllText(Path.Combine(DocSources.RepoRoot, "src/Stelvio.Templates/content/stelvio-app", path));
        return text.Replace("STELVIO_VERSION", $"{Property("VersionPrefix")}-{Property("VersionSuffix")}", StringComparison.Ordinal);
    }

    private static string LinkVariableNames()
    {
        var rows = LinksDocsTests.VariableExamples.Select(e => ($"link '{e.Link}', property '{e.Property}'", Stelvio.Links.LinkEnvironment.VariableName(e.Link, e.Property))).ToArray();
        var width = rows.Max(r => r.Item1.Length) + 2;
        return string.Join('\n', rows.Select(r => r.Item1.PadRight(width) + "→ " + r.Item2));
    }
}
