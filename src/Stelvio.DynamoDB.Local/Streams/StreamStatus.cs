namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// A stream's status, named as on the wire. Locally a stream is ENABLED as soon as it is enabled and DISABLED
/// as soon as it is disabled: the transitional ENABLING/DISABLING states of AWS last no time here.
/// </summary>
public enum StreamStatus
{
    ENABLING,
    ENABLED,
    DISABLING,
    DISABLED,
}
