namespace Stelvio.DynamoDB.Local.Model;

/// <summary>The ten DynamoDB data types, named as on the wire.</summary>
public enum AttributeType
{
    S,
    N,
    B,
    SS,
    NS,
    BS,
    M,
    L,
    BOOL,
    NULL,
}
