using Stelvio.LocalCloud.EventSources;
using Stelvio.LocalCloud.Gateway;
using Stelvio.LocalCloud.Lambda;

namespace Stelvio.LocalCloud.Hosting;

/// <summary>Something that happened in the local cloud, for the live display.</summary>
internal abstract record LocalCloudEvent;

/// <summary>An invocation finished (whoever asked for it).</summary>
internal sealed record InvocationFinished(InvocationResult Result) : LocalCloudEvent;

/// <summary>A function's policies refused one of its calls.</summary>
internal sealed record CallDenied(DeniedCall Call) : LocalCloudEvent;

/// <summary>A stream mapping delivered, failed, retried or discarded a batch.</summary>
internal sealed record BatchStep(MappingEvent Step) : LocalCloudEvent;

/// <summary>A stream mapping gave up a batch; its failure record is kept.</summary>
internal sealed record BatchDiscarded(FailedBatch Batch) : LocalCloudEvent;

/// <summary>A function process wrote a line.</summary>
internal sealed record FunctionOutput(FunctionLogLine Line) : LocalCloudEvent;

/// <summary>New code was swapped in for the functions built from <paramref name="CodeKey"/>.</summary>
internal sealed record CodeReplaced(string CodeKey, FunctionCode Code, IReadOnlyList<string> Functions) : LocalCloudEvent;
