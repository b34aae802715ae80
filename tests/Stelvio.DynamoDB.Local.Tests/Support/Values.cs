using Amazon.DynamoDBv2.Model;

namespace Stelvio.DynamoDB.Local.Tests.Support;

/// <summary>Short constructors for SDK attribute values.</summary>
public static class Values
{
    public static AttributeValue S(string s) => new() { S = s };

    public static AttributeValue N(string n) => new() { N = n };

    public static AttributeValue N(int n) => new() { N = n.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
