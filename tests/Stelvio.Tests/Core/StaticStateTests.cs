using System.Collections;
using System.Reflection;

namespace Stelvio.Tests.Core;

/// <summary>
/// No public static field or property hands out a collection a caller could change: a change would alter
/// behaviour for the whole process (how AWS errors are classified, which files a source hash skips).
/// </summary>
public sealed class StaticStateTests
{
    public static TheoryData<Assembly> Assemblies => new(typeof(StelvioApp).Assembly, typeof(Stelvio.Testing.Template).Assembly);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicStaticMembers_HoldNoMutableCollections(Assembly assembly)
    {
        var mutable = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(t => !t.ContainsGenericParameters))
        {
            var fields = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => !f.IsLiteral).Select(f => (Member: (MemberInfo)f, f.FieldType, Value: f.GetValue(null)));
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
                .Select(p => (Member: (MemberInfo)p, FieldType: p.PropertyType, Value: p.GetValue(null)));
            foreach (var (member, declared, value) in fields.Concat(properties))
            {
                if (IsMutableCollection(declared) || (value is not null && value is not string && IsMutableCollection(value.GetType())))
                {
                    mutable.Add($"{type.FullName}.{member.Name} ({value?.GetType().Name ?? declared.Name})");
                }
            }
        }

        Assert.Empty(mutable);
    }

    [Fact]
    public void TheCheck_FlagsTheMutableKinds()
    {
        Assert.True(IsMutableCollection(typeof(HashSet<string>)));
        Assert.True(IsMutableCollection(typeof(string[])));
        Assert.True(IsMutableCollection(typeof(List<int>)));
        Assert.True(IsMutableCollection(typeof(Dictionary<string, string>)));
        Assert.False(IsMutableCollection(typeof(System.Collections.Frozen.FrozenSet<string>)));
        Assert.False(IsMutableCollection(typeof(System.Collections.Immutable.ImmutableArray<string>)));
        Assert.False(IsMutableCollection(typeof(string)));
    }

    /// <summary>Arrays, and the changeable collections of System.Collections(.Generic|.Concurrent|.ObjectModel).</summary>
    private static bool IsMutableCollection(Type type) =>
        type.IsArray
        || (typeof(IEnumerable).IsAssignableFrom(type)
            && type.Namespace is "System.Collections" or "System.Collections.Generic" or "System.Collections.Concurrent" or "System.Collections.ObjectModel"
            && !type.IsInterface
            && !type.Name.StartsWith("ReadOnly", StringComparison.Ordinal));
}
