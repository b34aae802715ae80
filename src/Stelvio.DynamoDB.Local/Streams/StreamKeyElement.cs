namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>One element of the key schema a stream describes: an attribute name and <c>HASH</c> or <c>RANGE</c>.</summary>
public sealed record StreamKeyElement(string AttributeName, string KeyType);
