using Stelvio.LocalCloud.Lambda.Sandboxes;

namespace Stelvio.LocalCloud.Tests.Lambda.Sandboxes;

/// <summary>Whether a process still runs, as the tests check it.</summary>
internal static class ProcessTreeProbe
{
    public static bool IsRunning(int pid) => ProcessTree.IsRunning(pid);
}
