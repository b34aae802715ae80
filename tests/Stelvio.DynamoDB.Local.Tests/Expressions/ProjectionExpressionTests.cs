using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using static Stelvio.DynamoDB.Local.Tests.Expressions.V;

namespace Stelvio.DynamoDB.Local.Tests.Expressions;

public class ProjectionExpressionTests
{
    private static readonly Dictionary<string, AttributeValue> Sample = Item(
        ("a", S("x")), ("b", N("1")), ("m", M(("x", N("1")), ("y", L(N("0"), M(("z", S("deep")), ("w", N("2"))), N("9"))))), ("a.b", S("dotted")));

    private static IReadOnlyDictionary<string, AttributeValue> Project(string expression, Dictionary<string, string>? names = null) =>
        ExpressionParser.ParseProjection(expression, Context(names: names)).Apply(Sample);

    [Fact]
    public void Top_level_names_keep_only_present_attributes()
    {
        Same(Item(("a", S("x")), ("b", N("1"))), Project("a, b, c"));
        Same(Item(("a.b", S("dotted"))), Project("#ab", Names(("#ab", "a.b"))));
        Assert.Equal(["a", "b", "c"], ExpressionParser.ParseProjection("a,b , c", ExpressionContext.Empty).TopLevelNames);
    }

    [Fact]
    public void Nested_paths_keep_their_parents_and_lists_close_up()
    {
        Same(Item(("m", M(("y", L(M(("z", S("deep"))), N("9")))))), Project("m.y[2], m.y[1].z, m.y[7]"));
        Same(Item(("m", M(("x", N("1"))))), Project("m.x, m.nope, a.b"));
        Assert.Empty(Project("m.y[5], a[0]"));
    }

    [Fact]
    public void Overlaps_conflicts_reserved_words_and_names_are_refused()
    {
        Refused("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
            () => ExpressionParser.ParseProjection("a, a.b", ExpressionContext.Empty));
        Refused("Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]",
            () => ExpressionParser.ParseProjection("a.b, a[0]", ExpressionContext.Empty));
        Refused("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name",
            () => ExpressionParser.ParseProjection("#a, name", Context(names: Names(("#b", "b")))));
        Refused("Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #a",
            () => ExpressionParser.ParseProjection("#a, c", Context(names: Names(("#b", "b")))));
        Refused("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
            () => ExpressionParser.ParseProjection("a,", ExpressionContext.Empty));
        Refused("Invalid ProjectionExpression: Syntax error; token: \":v\", near: \", :v\"",
            () => ExpressionParser.ParseProjection("a, :v", Context(Values((":v", N("1"))))));
    }
}
