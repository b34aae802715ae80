namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>What a stream record carries besides the item's key, named as on the wire.</summary>
public enum StreamViewType
{
    KEYS_ONLY,
    NEW_IMAGE,
    OLD_IMAGE,
    NEW_AND_OLD_IMAGES,
}
