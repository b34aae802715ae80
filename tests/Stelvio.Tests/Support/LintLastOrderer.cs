using Xunit.Abstractions;

[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer("Stelvio.Tests.Support.LintLastOrderer", "Stelvio.Tests")]

namespace Stelvio.Tests.Support;

/// <summary>Runs the cfn-lint collection after all others, so it lints every template they synthesized.</summary>
public sealed class LintLastOrderer : ITestCollectionOrderer
{
    public const string LintCollection = "cfn-lint (runs last)";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == LintCollection ? 1 : 0).ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
