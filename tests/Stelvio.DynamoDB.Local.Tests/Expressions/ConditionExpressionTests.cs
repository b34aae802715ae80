using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using static Stelvio.DynamoDB.Local.Tests.Expressions.V;

namespace Stelvio.DynamoDB.Local.Tests.Expressions;

public class ConditionExpressionTests
{
    private static readonly Dictionary<string, AttributeValue> Sample = Item(
        ("a", N("1")), ("b", N("2")), ("c", N("3")), ("s", S("hello")), ("bin", B(1, 2, 3)),
        ("ss", SS("x", "y")), ("nums", NS("1", "2")), ("lst", L(N("2"), S("dog"), N("7"))),
        ("mp", M(("x", N("1")), ("y", L(N("-1"), N("2"), N("0"))))), ("t", Bool(true)), ("nil", Null));

    private static bool Eval(string expression, Dictionary<string, AttributeValue>? values = null, Dictionary<string, string>? names = null,
        IReadOnlyDictionary<string, AttributeValue>? item = null)
    {
        var context = Context(values, names);
        var condition = ExpressionParser.ParseCondition(expression, context, "ConditionExpression");
        context.ThrowIfUnused();
        return condition.Evaluate(item ?? Sample);
    }

    private static void Invalid(string message, string expression, Dictionary<string, AttributeValue>? values = null,
        Dictionary<string, string>? names = null, string parameter = "ConditionExpression") =>
        Refused(message, () => ExpressionParser.ParseCondition(expression, Context(values, names), parameter));

    [Theory]
    [InlineData("a = :one", true)]
    [InlineData("a <> :one", false)]
    [InlineData("a < b", true)]
    [InlineData("b <= a", false)]
    [InlineData("c > b", true)]
    [InlineData("c >= c1", false)]
    [InlineData("q = z", false)]
    [InlineData("q <> z", true)]
    [InlineData("q < :one", false)]
    [InlineData("z <> :one", true)]
    [InlineData("a = :str1", false)]
    [InlineData("a <> :str1", true)]
    [InlineData("a < :str1", false)]
    [InlineData("lst < :one", false)]
    [InlineData("mp.x < mp.y[1]", true)]
    [InlineData("mp.x < mp.y[0]", false)]
    [InlineData("mp.z < mp.y[100]", false)]
    public void Comparisons_follow_DynamoDB(string expression, bool expected)
    {
        var values = Values(("one", N("1")), ("str1", S("1")));
        var used = values.Where(v => expression.Contains(":" + v.Key, StringComparison.Ordinal))
            .ToDictionary(v => ":" + v.Key, v => v.Value);
        Assert.Equal(expected, Eval(expression, used.Count > 0 ? used : null));
    }

    [Fact]
    public void Equality_covers_every_type_and_sets_ignore_order()
    {
        foreach (var (name, value) in Sample)
        {
            Assert.True(Eval($"{name} = :v", Values((":v", value))), name);
        }
        Assert.True(Eval("nums = :v", Values((":v", NS("2", "1.0")))));
        Assert.False(Eval("ss = :v", Values((":v", SS("x")))));
    }

    [Fact]
    public void Strings_and_binaries_order_by_bytes()
    {
        Assert.True(Eval("s < :v", Values((":v", S("help")))));
        Assert.True(Eval("s > :v", Values((":v", S("Zebra")))));
        Assert.True(Eval("bin < :v", Values((":v", B(1, 2, 4)))));
        Assert.True(Eval("bin > :v", Values((":v", B(1, 2)))));
        // U+FFFD sorts before U+1F600 in UTF-8 though not in UTF-16 code units.
        Assert.True(Eval("k < :v", Values((":v", S("\U0001F600"))), item: Item(("k", S("\uFFFD")))));
    }

    [Fact]
    public void Numbers_compare_by_value_beyond_decimal()
    {
        var item = Item(("n", N("99999999999999999999999999999999999999")));
        Assert.True(Eval("n > :v", Values((":v", N("9.9999999999999999999999999999999999999E+36"))), item: item));
        Assert.True(Eval("n = :v", Values((":v", N("9.9999999999999999999999999999999999999E+37"))), item: item));
        Assert.True(Eval("x < :v", Values((":v", N("-1E-130"))), item: Item(("x", N("-1E+125")))));
    }

    [Theory]
    [InlineData("a < b OR c < b AND b < c", true)]
    [InlineData("NOT a < b AND c < b", false)]
    [InlineData("NOT NOT NOT NOT a < b", true)]
    [InlineData("b BETWEEN a AND c AND a < b", true)]
    [InlineData("(a < b OR b < a) AND (b < c AND (a < b OR b < c))", true)]
    [InlineData("a < b aNd b < c", true)]
    [InlineData("b < a oR b < c", true)]
    [InlineData("nOt b < a", true)]
    [InlineData("(a) < (b)", true)]
    [InlineData("NOT (a = b) AND NOT (b = c)", true)]
    [InlineData("a between b and c", false)]
    [InlineData("q between z and x", false)]
    public void Precedence_is_NOT_then_AND_then_OR(string expression, bool expected) => Assert.Equal(expected, Eval(expression));

    [Fact]
    public void Between_needs_one_scalar_type()
    {
        Assert.True(Eval("b BETWEEN :lo AND :hi", Values((":lo", N("2")), (":hi", N("2")))));
        Assert.False(Eval("a BETWEEN :lo AND :hi", Values((":lo", N("2")), (":hi", N("7")))));
        Assert.False(Eval("a BETWEEN :lo AND :hi", Values((":lo", S("0")), (":hi", S("2")))));
        Assert.False(Eval("a BETWEEN b AND :hi", Values((":hi", N("1")))));
        Assert.True(Eval("s BETWEEN :lo AND :hi", Values((":lo", S("aardvark")), (":hi", S("zebra")))));
    }

    [Fact]
    public void In_matches_any_candidate_of_any_type()
    {
        Assert.True(Eval("a IN (:x, :y)", Values((":x", S("dog")), (":y", N("1")))));
        Assert.False(Eval("q IN (:x, :y)", Values((":x", S("dog")), (":y", N("1")))));
        Assert.True(Eval("lst IN (:x)", Values((":x", L(N("2"), S("dog"), N("7"))))));
        Assert.True(Eval("a IN (b, a)"));
        var many = Enumerable.Range(0, 99).ToDictionary(i => ":v" + i, i => N(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(Eval("c IN (" + string.Join(",", many.Keys) + ")", many));
    }

    [Fact]
    public void Functions_test_existence_type_prefix_membership_and_size()
    {
        Assert.True(Eval("attribute_exists (a)"));
        Assert.False(Eval("attribute_exists(zz)"));
        Assert.True(Eval("attribute_not_exists(mp.z)"));
        Assert.True(Eval("attribute_exists(mp.y[2])"));
        Assert.False(Eval("attribute_exists(mp.y[3])"));
        Assert.True(Eval("attribute_exists(nil)"));
        foreach (var (name, value) in Sample)
        {
            Assert.True(Eval($"attribute_type({name}, :t)", Values((":t", S(value.Type.ToString())))), name);
        }
        Assert.False(Eval("attribute_type(a, :t)", Values((":t", S("S")))));
        Assert.True(Eval("attribute_type(:v, :t)", Values((":v", N("0")), (":t", S("N")))));
        Assert.True(Eval("begins_with(s, :p)", Values((":p", S("hell")))));
        Assert.False(Eval("begins_with(s, :p)", Values((":p", S("dog")))));
        Assert.True(Eval("begins_with(bin, :p)", Values((":p", B(1, 2)))));
        Assert.False(Eval("begins_with(a, :p)", Values((":p", S("1")))));
        Assert.True(Eval("begins_with(:p, s)", Values((":p", S("hellohi")))));
        Assert.True(Eval("contains(s, :p)", Values((":p", S("ell")))));
        Assert.True(Eval("contains(ss, :p)", Values((":p", S("y")))));
        Assert.True(Eval("contains(nums, :p)", Values((":p", N("2.0")))));
        Assert.True(Eval("contains(lst, :p)", Values((":p", S("dog")))));
        Assert.True(Eval("contains(bin, :p)", Values((":p", B(2, 3)))));
        Assert.False(Eval("contains(bin, :p)", Values((":p", SS("x")))));
        Assert.False(Eval("contains(a, :p)", Values((":p", N("1")))));
    }

    [Theory]
    [InlineData("s", "5")]
    [InlineData("bin", "3")]
    [InlineData("ss", "2")]
    [InlineData("nums", "2")]
    [InlineData("lst", "3")]
    [InlineData("mp", "2")]
    public void Size_counts_each_type(string attribute, string size) =>
        Assert.True(Eval($"size({attribute}) = :n", Values((":n", N(size)))));

    [Fact]
    public void Size_of_number_bool_null_or_missing_compares_false()
    {
        foreach (var attribute in new[] { "a", "t", "nil", "absent" })
        {
            Assert.False(Eval($"size({attribute}) = :n", Values((":n", N("1")))), attribute);
            Assert.True(Eval($"size({attribute}) <> :n", Values((":n", N("1")))), attribute);
        }
        Assert.True(Eval("size(s) > size(ss)"));
        // DynamoDB counts a string's UTF-16 code units: "é𝄞" is 3, not its 6 UTF-8 bytes.
        Assert.True(Eval("size(s) = :n", Values((":n", N("3"))), item: Item(("s", S("é\U0001D11E")))));
    }

    [Fact]
    public void Names_resolve_and_dots_in_names_are_literal()
    {
        var item = Item(("and", M(("or", N("2")))), ("a.b", N("3")));
        Assert.True(Eval("#n1.#n2 = :two", Values((":two", N("2"))), Names(("#n1", "and"), ("#n2", "or")), item));
        Assert.True(Eval("#ab = :three", Values((":three", N("3"))), Names(("#ab", "a.b")), item));
    }

    [Fact]
    public void A_missing_item_is_an_empty_one()
    {
        var condition = ExpressionParser.ParseCondition("attribute_not_exists(pk)", ExpressionContext.Empty, "ConditionExpression");
        Assert.True(condition.Evaluate(null));
        Assert.True(ExpressionParser.ParseCondition("a <> a2", ExpressionContext.Empty, "ConditionExpression").Evaluate(null));
    }

    [Theory]
    [InlineData("foo", "<EOF>", "foo")]
    [InlineData("a+:delta<b", "+", "a+:delta")]
    [InlineData("attribute_not_exists(", "<EOF>", "(")]
    [InlineData("contains (themes, :theme", "<EOF>", ":theme")]
    [InlineData("a IN ()", ")", "()")]
    [InlineData("a = :v AND", "<EOF>", "AND")]
    [InlineData("_a = :v", "_", "_a")]
    [InlineData("a = = :v", "=", "= = :v")]
    [InlineData("a BETWEEN :v OR :v", "OR", ":v OR :v")]
    [InlineData("a[x] = :v", "x", "[x]")]
    [InlineData("a[#i] = :v", "#i", "[#i]")]
    [InlineData("a.:v = :v", ":v", ".:v =")]
    [InlineData("a = :v)", ")", ":v)")]
    [InlineData("a != :v", "!", "a !=")]
    public void Syntax_errors_name_the_token_and_its_neighbours(string expression, string token, string near) =>
        Invalid($"Invalid ConditionExpression: Syntax error; token: \"{token}\", near: \"{near}\"", expression,
            Values((":v", N("1")), (":delta", N("1")), (":theme", S("x"))), Names(("#i", "i")));

    [Fact]
    public void Undefined_names_and_values_are_refused()
    {
        Invalid("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :foo", "foo=:foo");
        Invalid("Invalid FilterExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
            "#x = :v", Values((":v", N("1"))), Names(("#y", "y")), "FilterExpression");
    }

    [Fact]
    public void Unused_names_and_values_are_refused_after_parsing()
    {
        var context = Context(Values((":a", N("1")), (":b", N("1")), (":c", N("2"))), Names(("#a", "a"), ("#b", "b"), ("#c", "c")));
        ExpressionParser.ParseCondition("#a = :a", context, "ConditionExpression");
        Refused("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b, #c}", context.ThrowIfUnused);
        var values = Context(Values((":a", N("1")), (":b", N("1"))));
        ExpressionParser.ParseCondition("a = :a", values, "ConditionExpression");
        Refused("Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}", values.ThrowIfUnused);
    }

    [Theory]
    [InlineData("status = :v", "status")]
    [InlineData("a.Size = :v", "Size")]
    [InlineData("attribute_exists(name)", "name")]
    [InlineData("DATA.x = :v AND TOTAL = :v", "DATA")]
    public void Reserved_words_are_refused_in_any_case(string expression, string word) =>
        Invalid("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: " + word, expression, Values((":v", N("1"))));

    [Fact]
    public void Function_misuse_is_refused_with_AWS_messages()
    {
        var values = Values((":v", N("1")), (":s", S("x")), (":l", L(N("1"))), (":t", S("DOG")));
        Invalid("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size", "size(a)", values);
        Invalid("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists", "attribute_exists(a) < :v", values);
        Invalid("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: if_not_exists", "if_not_exists(a, a) = :v", values);
        Invalid("Invalid ConditionExpression: Invalid function name; function: dog", "dog(a) = :v", values);
        Invalid("Invalid ConditionExpression: Invalid function name; function: Contains", "Contains(a, :v)", values);
        Invalid("Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: size, number of operands: 2", "size(a, a) = :v", values);
        Invalid("Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists", "attribute_exists(:v)", values);
        Invalid("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N", "begins_with(a, :v)", values);
        Invalid("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N", "size(:v) = :v", values);
        Invalid("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}", "attribute_type(a, b)", values);
        Invalid("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N", "attribute_type(a, :v)", values);
        Invalid("Invalid ConditionExpression: Invalid attribute type name found; type: DOG, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}", "attribute_type(a, :t)", values);
        Invalid("Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [a]", "contains(a, a)", values);
        Invalid("Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a, [1]]", "a[1] = a[1]", values);
        Invalid("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: L", "a < :l", values);
        Invalid("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: L", "a BETWEEN :l AND :l", values);
        Invalid("Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}", "a BETWEEN :v AND :s", values);
        Invalid("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}",
            "a BETWEEN :two AND :v", Values((":v", N("1")), (":two", N("2"))));
        Invalid("Invalid ConditionExpression: The expression has redundant parentheses;", "((a = :v))", values);
        Invalid("Invalid ConditionExpression: The expression has redundant parentheses;", "((a)) = :v", values);
    }

    [Fact]
    public void In_takes_at_most_99_candidates()
    {
        var many = Enumerable.Range(0, 100).ToDictionary(i => ":v" + i, i => N(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Invalid("Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 100",
            "c IN (" + string.Join(",", many.Keys) + ")", many);
    }

    [Fact]
    public void Problems_are_reported_in_DynamoDB_order()
    {
        // Reserved words come before undefined values; unknown functions before reserved words.
        Invalid("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status", "status = :undefined");
        Invalid("Invalid ConditionExpression: Invalid function name; function: f", "status = :v AND f(a)", Values((":v", N("1"))));
        // Within the first faulty comparison, an undefined value outranks a wrong operand count.
        Invalid("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :x", "size(a, b) = :x");
    }

    [Fact]
    public void Empty_and_oversized_expressions_are_refused()
    {
        Invalid("Invalid ConditionExpression: The expression can not be empty;", "");
        var big = "a = :v AND " + string.Concat(Enumerable.Repeat("a = :v AND ", 400)) + "a = :v";
        Invalid($"Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: {big.Length}", big, Values((":v", N("1"))));
    }

    [Fact]
    public void Deep_nesting_parses()
    {
        var text = string.Concat(Enumerable.Repeat("NOT (", 500)) + "a = :v" + new string(')', 500);
        Assert.True(Eval(text, Values((":v", N("1")))));
    }
}
