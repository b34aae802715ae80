using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using static Stelvio.DynamoDB.Local.Tests.Expressions.V;

namespace Stelvio.DynamoDB.Local.Tests.Expressions;

public class UpdateExpressionTests
{
    private static IReadOnlyDictionary<string, AttributeValue> Update(
        IReadOnlyDictionary<string, AttributeValue>? item, string expression,
        Dictionary<string, AttributeValue>? values = null, Dictionary<string, string>? names = null)
    {
        var context = Context(values, names);
        var update = ExpressionParser.ParseUpdate(expression, context);
        context.ThrowIfUnused();
        return update.Apply(item);
    }

    private static void Invalid(string message, string expression, Dictionary<string, AttributeValue>? values = null, Dictionary<string, string>? names = null) =>
        Refused("Invalid UpdateExpression: " + message, () => ExpressionParser.ParseUpdate(expression, Context(values, names)));

    private static void FailsToApply(string message, IReadOnlyDictionary<string, AttributeValue>? item, string expression,
        Dictionary<string, AttributeValue>? values = null)
    {
        var update = ExpressionParser.ParseUpdate(expression, Context(values));
        Refused(message, () => update.Apply(item));
    }

    [Fact]
    public void Set_merges_into_the_item_and_sections_are_case_insensitive()
    {
        var item = Item(("p", S("k")), ("a", S("hi")));
        Same(Item(("p", S("k")), ("a", S("hi")), ("b", N("4"))), Update(item, "sEt b = :v", Values((":v", N("4")))));
        Same(Item(("b", N("4")), ("c", N("4"))), Update(null, "  set   b=:v  ,c=:v ", Values((":v", N("4")))));
        Same(Item(("b", N("8")), ("c", N("4")), ("d", N("0"))), Update(null, "SET b = (:v + :v), c = (:v), d = (:v) - :v", Values((":v", N("4")))));
        Assert.Equal(2, item.Count);
    }

    [Fact]
    public void Set_values_are_read_before_any_write()
    {
        var item = Item(("a", S("x")), ("b", S("y")));
        Same(Item(("a", S("y")), ("b", S("x"))), Update(item, "SET a = b, b = a"));
        Same(Item(("b", S("x"))), Update(item, "REMOVE a SET b = a"));
        FailsToApply("The provided expression refers to an attribute that does not exist in the item", item, "SET x = :v, y = x", Values((":v", N("1"))));
        FailsToApply("The provided expression refers to an attribute that does not exist in the item", null, "SET c = z");
    }

    [Fact]
    public void Arithmetic_is_exact()
    {
        var item = Item(("a", N("2")), ("big", N("99999999999999999999999999999999999999")));
        Same(Item(("a", N("5")), ("big", N("99999999999999999999999999999999999999"))), Update(item, "SET a = a + :v", Values((":v", N("3")))));
        Assert.Equal("-1", Update(item, "SET a = :v - a", Values((":v", N("1"))))["a"].N.ToString());
        Assert.Equal("99999999999999999999999999999999999998",
            Update(item, "SET big = big - :v", Values((":v", N("1"))))["big"].N.ToString());
        // A result needing more than 38 digits is refused with the message DynamoDB gives for it (overflow).
        FailsToApply("Number overflow. Attempting to store a number with magnitude larger than supported range",
            item, "SET big = big - :v", Values((":v", N("1.1"))));
        FailsToApply("Number overflow. Attempting to store a number with magnitude larger than supported range",
            null, "SET b = :x + :y", Values((":x", N("1e50")), (":y", N("1"))));
        Assert.Equal("5", Update(null, "SET b = if_not_exists(b, :one)+:four", Values((":one", N("1")), (":four", N("4"))))["b"].N.ToString());
        FailsToApply("An operand in the update expression has an incorrect data type", Item(("s", S("x"))), "SET e = s + :v", Values((":v", N("1"))));
        FailsToApply("The provided expression refers to an attribute that does not exist in the item", null, "SET e = s + :v", Values((":v", N("1"))));
        Refused("Number overflow. Attempting to store a number with magnitude larger than supported range",
            () => ExpressionParser.ParseUpdate("SET a = :v + :v", Context(Values((":v", N("9.9E+125"))))).Apply(null));
    }

    [Fact]
    public void If_not_exists_and_list_append()
    {
        var item = Item(("a", N("2")), ("l", L(S("hi"), N("2"))));
        Assert.Equal("2", Update(item, "SET a = if_not_exists(a, :v)", Values((":v", N("3"))))["a"].N.ToString());
        Assert.Equal("3", Update(item, "SET b = if_not_exists(c, :v)", Values((":v", N("3"))))["b"].N.ToString());
        Same(Item(("a", N("2")), ("l", L(S("dog"), S("hi"), N("2"), N("4")))),
            Update(Update(item, "SET l = list_append(:v, l)", Values((":v", L(S("dog"))))), "SET l = list_append(l, :w)", Values((":w", L(N("4"))))));
        Same(Item(("a", N("2")), ("l", L(S("hi"), N("2"))), ("c", L(S("hi"), N("2"), S("hi"), N("2")))), Update(item, "SET c = list_append(l, l)"));
        FailsToApply("An operand in the update expression has an incorrect data type", item, "SET c = list_append(a, :v)", Values((":v", L())));
        FailsToApply("The provided expression refers to an attribute that does not exist in the item", item, "SET c = list_append(zz, :v)", Values((":v", L())));
    }

    [Fact]
    public void Nested_paths_set_and_remove()
    {
        var inner = M(("x", M(("y", L(N("3"), N("5"), N("7"))))), ("q", N("2")));
        var item = Item(("a", M(("b", N("3")), ("c", L(S("hi"), inner)))));
        var updated = Update(item, "SET a.c[1].#n.y[1] = :v", Values((":v", N("9"))), Names(("#n", "x")));
        Assert.Equal("9", updated["a"].M["c"].L[1].M["x"].M["y"].L[1].N.ToString());
        Assert.Equal("5", item["a"].M["c"].L[1].M["x"].M["y"].L[1].N.ToString());
        var removed = Update(item, "REMOVE a.c[1].x.y[1], a.c[1].q");
        var expectedInner = M(("x", M(("y", L(N("3"), N("7"))))));
        Same(Item(("a", M(("b", N("3")), ("c", L(S("hi"), expectedInner))))), removed);
        Same(Item(("a", M())), Update(Item(("a", M(("b", N("1"))))), "REMOVE a.b"));
        Same(Item(("a", L())), Update(Item(("a", L(N("1")))), "REMOVE a[0]"));
    }

    [Fact]
    public void List_indexes_past_the_end_append_in_index_order_and_removals_use_original_indexes()
    {
        var item = Item(("a", L(S("one"), S("two"), S("three"))));
        Same(Item(("a", L(S("one"), S("two"), S("three"), S("hello")))), Update(item, "SET a[7] = :v", Values((":v", S("hello")))));
        Same(Item(("a", L(S("one"), S("two"), S("three"), S("a3"), S("a2"), S("a4"), S("a1")))),
            Update(item, "SET a[84] = :v1, a[37] = :v2, a[17] = :v3, a[50] = :v4",
                Values((":v1", S("a1")), (":v2", S("a2")), (":v3", S("a3")), (":v4", S("a4")))));
        var six = Item(("a", L(N("2"), N("3"), N("4"), N("5"), N("6"), N("7"))));
        var expected = Item(("a", L(N("2"), N("4"), N("17"), N("6"), N("7"))));
        Same(expected, Update(six, "REMOVE a[1] SET a[3] = :v", Values((":v", N("17")))));
        Same(expected, Update(six, "SET a[3] = :v REMOVE a[1]", Values((":v", N("17")))));
        Same(Item(("a", L(N("2"), N("7")))), Update(six, "REMOVE a[3], a[1], a[2], a[4]"));
        Same(six, Update(six, "REMOVE a[17]"));
    }

    [Fact]
    public void Updates_mixing_sections_on_one_list_follow_DynamoDB()
    {
        // dynalite's recording of AWS: SET and ADD past the end of a list append in index order.
        var item = Item(("a", S("k")), ("b", M(("a", N("1")), ("b", N("2")), ("c", N("3")))), ("c", L(N("1"), N("3"))));
        var updated = Update(item, "set b.c=((c[1])+(b.a)),b.a = a,c[1] = a, c[4] = b.a - b.b, c[2] = b.c add c[8] :b, c[6] :a",
            Values((":a", N("2")), (":b", SS("a"))));
        Same(Item(("a", S("k")), ("b", M(("a", S("k")), ("b", N("2")), ("c", N("4")))),
            ("c", L(N("1"), S("k"), N("3"), N("-1"), N("2"), SS("a")))), updated);
        var action = ExpressionParser.ParseUpdate("set b.c=((c[1])+(b.a)),b.a = a,c[1] = a, c[4] = b.a - b.b, c[2] = b.c add c[8] :b, c[6] :a",
            Context(Values((":a", N("2")), (":b", SS("a")))));
        Same(Item(("b", M(("a", S("k")), ("c", N("4")))), ("c", L(S("k"), N("3"), N("2")))), action.UpdatedPaths.Apply(updated));
    }

    [Fact]
    public void Add_and_delete_on_numbers_and_sets()
    {
        var item = Item(("n", N("3")), ("s", SS("dog", "cat", "mouse")), ("b", S("hi")));
        Assert.Equal("7", Update(item, "ADD n :v", Values((":v", N("4"))))["n"].N.ToString());
        Assert.Equal("8", Update(null, "ADD z :v", Values((":v", N("8"))))["z"].N.ToString());
        Assert.Equal(SS("dog", "cat", "mouse", "pig"), Update(item, "ADD s :v", Values((":v", SS("pig", "cat"))))["s"]);
        Assert.Equal(SS("dog"), Update(item, "DELETE s :v", Values((":v", SS("cat", "mouse", "pig"))))["s"]);
        Assert.False(Update(item, "DELETE s :v", Values((":v", SS("cat", "mouse", "dog"))))
            .ContainsKey("s"));
        Assert.False(Update(item, "DELETE zz :v", Values((":v", SS("x")))).ContainsKey("zz"));
        Assert.Equal(NS("1", "2", "3"), Update(Item(("x", NS("1", "2"))), "ADD x :v", Values((":v", NS("2.0", "3"))))["x"]);
        Assert.Equal(BS([1], [3]), Update(Item(("x", BS([1], [2], [3]))), "DELETE x :v", Values((":v", BS([2]))))["x"]);
        FailsToApply("An operand in the update expression has an incorrect data type", item, "ADD b :v", Values((":v", N("1"))));
        FailsToApply("An operand in the update expression has an incorrect data type", item, "ADD s :v", Values((":v", NS("1"))));
        FailsToApply("An operand in the update expression has an incorrect data type", Item(("l", L(N("1")))), "ADD l :v", Values((":v", NS("1"))));
        FailsToApply("An operand in the update expression has an incorrect data type", item, "DELETE n :v", Values((":v", NS("1"))));
    }

    [Fact]
    public void Invalid_paths_for_update()
    {
        var item = Item(("a", S("hello")), ("b", L(S("hi"))), ("m", M(("x", N("3")))));
        const string message = "The document path provided in the update expression is invalid for update";
        foreach (var expression in new[] { "SET a.c = :v", "SET b.c = :v", "SET c.c = :v", "REMOVE a.c", "REMOVE b.c", "REMOVE c.c",
            "SET a[0] = :v", "SET c[0] = :v", "REMOVE a[0]", "REMOVE c[0]", "ADD c.d :v", "DELETE c.d :w", "SET m.y.z = :v", "SET b[3].x = :v" })
        {
            var values = expression.Contains(":w", StringComparison.Ordinal) ? Values((":w", SS("a"))) : expression.Contains(":v", StringComparison.Ordinal) ? Values((":v", N("7"))) : null;
            FailsToApply(message, item, expression, values);
        }
        FailsToApply(message, null, "SET c.c = :v", Values((":v", N("7"))));
        FailsToApply(message, null, "SET b[1] = :v", Values((":v", N("7"))));
        // Removing below a missing attribute of a missing item is no error; a missing leaf is no change.
        Assert.Empty(Update(null, "REMOVE x.y, z[0]"));
        Same(item, Update(item, "REMOVE m.y, b[7], zz"));
    }

    [Theory]
    [InlineData("whatever", "whatever", "whatever")]
    [InlineData("set a", "<EOF>", "a")]
    [InlineData("set a=set", "set", "=set")]
    [InlineData("remove a = b", "=", "a = b")]
    [InlineData("add a b", "b", "a b")]
    [InlineData("delete a if_not_exists(b)", "if_not_exists", "a if_not_exists(")]
    [InlineData("set :a = b", ":a", "set :a =")]
    [InlineData("set a = b / c", "/", "b / c")]
    [InlineData("set a[1] = 1", "1", "= 1")]
    [InlineData("set a = b + c + d", "+", "c + d")]
    [InlineData("set (a = (b + c))", "(", "set (a")]
    [InlineData("set a = (b.c).d + e", ".", ").d")]
    [InlineData("SET _123 = :v", "_", "SET _123")]
    [InlineData("SET #attr1 = :v, #attr2 = :v,", "<EOF>", ",")]
    [InlineData("SET a = if_not_exists(c, :v+:v)", "+", ":v+:v")]
    [InlineData("SET a[:v] = :v", ":v", "[:v]")]
    [InlineData("SET a = :v REMOVE", "<EOF>", "REMOVE")]
    public void Syntax_errors(string expression, string token, string near) =>
        Invalid($"Syntax error; token: \"{token}\", near: \"{near}\"", expression, Values((":v", N("1"))), Names(("#attr1", "x"), ("#attr2", "y")));

    [Fact]
    public void Sections_reserved_words_and_functions()
    {
        var values = Values((":a", S("a")), (":b", S("a")));
        var names = Names(("#a", "a"), ("#b", "b"));
        Invalid("Attribute name is a reserved keyword; reserved keyword: abOrt", " set #c = :c set abOrt = true ", values, names);
        Invalid("Attribute name is a reserved keyword; reserved keyword: Absolute", " remove Absolute ", values, names);
        Invalid("Invalid function name; function: if_not_exist", "set #c = if_not_exist(:c) set c = d", values, names);
        Invalid("The \"SET\" section can only be used once in an update expression;", "set a = #c set c = :d", values, names);
        Invalid("The \"REMOVE\" section can only be used once in an update expression;", "remove #d set a = b remove e", values, names);
        Invalid("An expression attribute name used in the document path is not defined; attribute name: #c", "SET #c = if_not_exists(:c)", values, names);
        Invalid("An expression attribute value used in expression is not defined; attribute value: :c", "SET #a = if_not_exists(:c)", values, names);
        Invalid("Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1", "set a = if_not_exists(c)");
        Invalid("Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1", "set a = list_append(c)");
        Invalid("Operator or function requires a document path; operator or function: if_not_exists", "set a = if_not_exists(:a, c)", values);
        Invalid("Operator or function requires a document path; operator or function: if_not_exists", "set a = if_not_exists(if_not_exists(a, b), c)");
        Invalid("The function is not allowed to be used this way in an expression; function: list_append", "SET a = list_append(list_append(:a, :b), :a)", Values((":a", L()), (":b", L())));
        Invalid("The function is not allowed to be used this way in an expression; function: size", "SET a = size(b)");
        Invalid("Invalid function name; function: f123_hi", "SET a = f123_hi(b,c,d)");
        Invalid("Invalid function name; function: LIST_APPEND", "SET a = LIST_APPEND(b, c)");
        Invalid("The expression has redundant parentheses;", "SET a = ((b + c))");
        Invalid("The expression has redundant parentheses;", "SET a = ((b))");
        Invalid("The expression has redundant parentheses;", "SET a = ((b)) + c");
    }

    [Theory]
    [InlineData("set a = list_append(:a, a)", "list_append", "S")]
    [InlineData("set a = list_append(a, :b)", "list_append", "N")]
    [InlineData("set a = list_append(:i, a)", "list_append", "M")]
    [InlineData("set a = a + :a", "+", "S")]
    [InlineData("set a = :c + a", "+", "B")]
    [InlineData("set a = a - :f", "-", "SS")]
    [InlineData("set a = a - :j", "-", "L")]
    public void Constant_operand_types_are_checked(string expression, string function, string type)
    {
        var values = Values((":a", S("a")), (":b", N("1")), (":c", B(97)), (":f", SS("a")), (":i", M()), (":j", L()));
        var used = values.Where(v => expression.Contains(v.Key, StringComparison.Ordinal)).ToDictionary(v => v.Key, v => v.Value);
        Invalid($"Incorrect operand type for operator or function; operator or function: {function}, operand type: {type}", expression, used);
    }

    [Theory]
    [InlineData("add a.b :a", "S", "ADD", "STRING")]
    [InlineData("delete a.b :a", "S", "DELETE", "STRING")]
    [InlineData("add a.b :a", "NULL", "ADD", "NULL")]
    [InlineData("add a.b :a", "BOOL", "ADD", "BOOLEAN")]
    [InlineData("delete a.b :a", "B", "DELETE", "BINARY")]
    [InlineData("add a.b :a", "M", "ADD", "MAP")]
    [InlineData("add a.b :a", "L", "ADD", "LIST")]
    [InlineData("delete a.b :a", "N", "DELETE", "NUMBER")]
    public void Add_and_delete_operand_types_are_checked(string expression, string valueType, string op, string word)
    {
        var value = valueType switch
        {
            "S" => S("a"),
            "NULL" => Null,
            "BOOL" => Bool(false),
            "B" => B(97),
            "M" => M(),
            "L" => L(N("1")),
            _ => N("1"),
        };
        Invalid($"Incorrect operand type for operator or function; operator: {op}, operand type: {word}", expression, Values((":a", value)));
    }

    [Theory]
    [InlineData("set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)", "overlap", "[c, [1], a]", "[c]")]
    [InlineData("set c.b.#c = a, c = a, #d = a", "overlap", "[c, b, c]", "[c]")]
    [InlineData("set a = b remove a, #c, #d", "overlap", "[a]", "[a]")]
    [InlineData("set #c[3].#d = a, #c[3] = a", "overlap", "[c, [3], [3]]", "[c, [3]]")]
    [InlineData("remove c, #c.a, #d", "overlap", "[c]", "[c, a]")]
    [InlineData("set #c[3].#d = a, #c.#d[3] = if_not_exists(a)", "conflict", "[c, [3], [3]]", "[c, [3], [3]]")]
    [InlineData("remove a.#c set a[1] = #d", "conflict", "[a, c]", "[a, [1]]")]
    public void Overlapping_and_conflicting_paths(string expression, string kind, string one, string two) =>
        Invalid($"Two document paths {kind} with each other; must remove or rewrite one of these paths; path one: {one}, path two: {two}",
            expression, null, Names(("#c", "c"), ("#d", "[3]")));

    [Fact]
    public void Paths_and_updated_projection_are_exposed()
    {
        var update = ExpressionParser.ParseUpdate("SET a.b = :v REMOVE c ADD d :v", Context(Values((":v", N("1")))));
        Assert.Equal(["[a, b]", "[c]", "[d]"], update.Paths.Select(p => p.ToString()));
        Assert.Equal(["a", "c", "d"], update.UpdatedPaths.TopLevelNames);
    }
}
