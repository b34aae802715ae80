using System.Text.Json.Nodes;
using Stelvio.CloudFormation;

namespace Stelvio.Tests.CloudFormation;

/// <summary>The escape hatch's path rules on a bare resource.</summary>
public sealed class PropertyOverridesTests
{
    private const string Component = "Test 'x'";

    [Fact]
    public void Set_CreatesObjectsOnTheWayAndAppendsToArrays()
    {
        var resource = Resource("""{"List":[{"A":1}]}""");
        var overrides = new PropertyOverrides();
        overrides.Set("New.Deep.Value", 1, Component, "AddPropertyOverride");
        overrides.Set("List.0.B", "x", Component, "AddPropertyOverride");
        overrides.Set("List.1", new Dictionary<string, object> { ["A"] = 2 }, Component, "AddPropertyOverride");

        overrides.ApplyTo(resource);

        Assert.Equal("""{"List":[{"A":1,"B":"x"},{"A":2}],"New":{"Deep":{"Value":1}}}""", resource.Properties.ToJsonString());
    }

    [Fact]
    public void Remove_DeletesObjectPropertiesAndArrayElementsAndIgnoresMissingPaths()
    {
        var resource = Resource("""{"List":[1,2,3],"Keep":{"Drop":true,"Stay":1}}""");
        var overrides = new PropertyOverrides();
        overrides.Remove("List.1", Component, "RemovePropertyOverride");
        overrides.Remove("Keep.Drop", Component, "RemovePropertyOverride");
        overrides.Remove("Missing.Deep", Component, "RemovePropertyOverride");
        overrides.Remove("List.9", Component, "RemovePropertyOverride");

        overrides.ApplyTo(resource);

        Assert.Equal("""{"List":[1,3],"Keep":{"Stay":1}}""", resource.Properties.ToJsonString());
    }

    [Fact]
    public void Set_WithANonNumberSegmentIntoAnArray_ThrowsNamingTheValidIndexes()
    {
        var resource = Resource("""{"List":[1,2]}""");
        var overrides = new PropertyOverrides();
        overrides.Set("List.first", 0, Component, "AddPropertyOverride");

        var error = Assert.Throws<StelvioConfigException>(() => overrides.ApplyTo(resource));

        Assert.Equal("Test 'x': property override 'List.first': 'first' does not index the array there, which has 2 elements (use 0 to 1, or 2 to append).", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a. b")]
    public void Set_WithABadPath_IsAConfigErrorNamingTheComponentAndMethod(string path)
    {
        var problem = PropertyOverrides.CheckPath(path);
        Assert.NotNull(problem);

        var set = Assert.Throws<StelvioConfigException>(() => new PropertyOverrides().Set(path, 1, Component, "AddPropertyOverride"));
        var remove = Assert.Throws<StelvioConfigException>(() => new PropertyOverrides().Remove(path, Component, "RemovePropertyOverride"));

        Assert.Equal(new ConfigError(Component, "AddPropertyOverride", problem), Assert.Single(set.Errors));
        Assert.Equal(new ConfigError(Component, "RemovePropertyOverride", problem), Assert.Single(remove.Errors));
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

        overrides.Remove("A", Component, "RemovePropertyOverride");

        Assert.False(overrides.IsEmpty);
    }

    private static CfnResource Resource(string properties) =>
        new("X", "AWS::SQS::Queue", JsonNode.Parse(properties)!.AsObject()) { Component = Component };
}
