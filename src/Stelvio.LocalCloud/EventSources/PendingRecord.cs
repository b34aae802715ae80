using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>A record that passed the mapping's filters and waits for delivery, with its event JSON written once.</summary>
internal sealed record PendingRecord(StreamRecord Record, byte[] Json);
