namespace Stelvio.DynamoDB.Local.Persistence;

/// <summary>A data directory whose snapshot cannot be read: names the file and what is wrong with it.</summary>
public sealed class CorruptStoreException(string message) : Exception(message);
