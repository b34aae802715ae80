using System.Text.Json.Nodes;
using Stelvio.CloudFormation;

namespace Stelvio.Tests.CloudFormation;

/// <summary>The escape hatch's path rules on a bare resource.</summary>
public sealed class PropertyOverridesTests
{
    [Fact]
    public void Set_CreatesObjectsOnTheWayAndAppendsToArrays()
    {
        var resource = Resource("""{"List":[{"A":1}]}""");
        var overrides = new PropertyOverrides();
        overrides.Set("New.Deep.Value", 1);
        overrides.Set("List.0.B", "x");
        overrides.Set("List.1", new Dictionary<string, object> { ["A"] = 2 });

        overrides.ApplyTo(resource);

        Assert.Equal("""{"List":[{"A":1,"B":"x"},{"A":2}],"New":{"Deep":{"Value":1}}}""", resource.Properties.ToJsonString());
    }

    [Fact]
    public void Remove_DeletesObjectPropertiesAndArrayElementsAndIgnoresMissingPaths()
    {
        var resource = Resource("""{"List":[1,2,3],"Keep":{"Drop":true,"Stay":1}}""");
        var overrides = new PropertyOverrides();
        overrides.Remove("List.1");
        overrides.Remove("Keep.Drop");
        overrides.Remove("Missing.Deep");
        overrides.Remove("List.9");

        overrides.ApplyTo(resource);

        Assert.Equal("""{"List":[1,3],"Keep":{"Stay":1}}""", resource.Properties.ToJsonString());
    }

    [Fact]
    public void Set_WithANonNumberSegmentIntoAnArray_ThrowsNamingTheValidIndexes()
    {
        var resource = Resource("""{"List":[1,2]}""");
        var overrides = new PropertyOverrides();
        overrides.Set("List.first", 0);

        var error = Assert.Throws<StelvioConfigException>(() => overrides.ApplyTo(resource));

        Assert.Equal("Test 'x': property override 'List.first': 'first' does not index the array there, which has 2 elements (use 0 to 1, or 2 to append).", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a. b")]
    public void Set_WithABadPath_ThrowsArgumentException(string path)
    {
        Assert.NotNull(PropertyOverrides.CheckPath(path));
        Assert.Throws<ArgumentException>(() => new PropertyOverrides().Set(path, 1));
        Assert.Throws<ArgumentException>(() => new PropertyOverrides().Remove(path));
    }

    [Theory]
    [InlineData("TableClass")]
    [InlineData("GlobalSecondaryIndexes.0.IndexName")]
    public void CheckPath_GoodPath_IsNull(string path) => Assert.Null(PropertyOverrides.CheckPath(path));

    [Fact]
    public void IsEmpty_UntilSomethingIsGiven()
    {
        var overrides = new PropertyOverrides();
        Assert.True(overrides.IsEmpty);

        overrides.Remove("A");

        Assert.False(overrides.IsEmpty);
    }

    private static CfnResource Resource(string properties) =>
        new("X", "AWS::SQS::Queue", JsonNode.Parse(properties)!.AsObject()) { Component = "Test 'x'" };
}
