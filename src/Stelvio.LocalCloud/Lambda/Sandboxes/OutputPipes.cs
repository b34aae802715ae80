using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Text;

namespace Stelvio.LocalCloud.Lambda.Sandboxes;

/// <summary>
/// Reads a process's stdout and stderr pipes into lines on a thread of its own. <see cref="Drain"/> reads, on the
/// caller's thread, whatever the pipes still hold, so every line a runtime wrote before it posted its response is
/// counted in that invocation's log, however the reading thread was scheduled.
/// </summary>
internal sealed class OutputPipes : IDisposable
{
    private const short PollIn = 0x1;
    private const short PollHangUp = 0x10;
    private const short PollError = 0x8;

    private readonly object gate = new();
    private readonly Pipe[] pipes;
    private readonly Action<string> onLine;
    private readonly Thread thread;
    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool stopped;

    public OutputPipes(Stream stdout, Stream stderr, Action<string> onLine)
    {
        pipes = [new Pipe(Descriptor(stdout)), new Pipe(Descriptor(stderr))];
        this.onLine = onLine;
        thread = new Thread(Run) { IsBackground = true, Name = "lambda-output" };
        thread.Start();
    }

    /// <summary>Completes when both pipes reached their end (every writer, the process and its children, closed them).</summary>
    public Task Ended => ended.Task;

    /// <summary>Reads and emits every complete line the pipes hold now.</summary>
    public void Drain()
    {
        lock (gate)
        {
            foreach (var pipe in pipes)
            {
                ReadAvailable(pipe);
            }
        }
    }

    public void Dispose()
    {
        stopped = true;
        thread.Join(TimeSpan.FromSeconds(1));
    }

    private static int Descriptor(Stream stream) =>
        stream is PipeStream pipe
            ? (int)pipe.SafePipeHandle.DangerousGetHandle()
            : throw new NotSupportedException("The local cloud reads function output from pipes (Linux, macOS).");

    private void Run()
    {
        var fds = new PollFd[pipes.Length];
        while (!stopped && Array.Exists(pipes, p => !p.Ended))
        {
            for (var i = 0; i < pipes.Length; i++)
            {
                // An ended pipe is left out of the poll (a negative descriptor is ignored).
                fds[i] = new PollFd { Fd = pipes[i].Ended ? -1 : pipes[i].Fd, Events = PollIn };
            }

            if (Poll(fds, (nuint)fds.Length, 200) > 0)
            {
                Drain();
            }
        }

        lock (gate)
        {
            foreach (var pipe in pipes)
            {
                pipe.Flush(onLine);
            }
        }

        ended.TrySetResult();
    }

    private void ReadAvailable(Pipe pipe)
    {
        var probe = new PollFd[1];
        while (!pipe.Ended)
        {
            probe[0] = new PollFd { Fd = pipe.Fd, Events = PollIn };
            if (Poll(probe, 1, 0) <= 0 || (probe[0].Revents & (PollIn | PollHangUp | PollError)) == 0)
            {
                return;
            }

            // The pipe is readable, so this read returns at once: data, or 0 at its end.
            var read = (int)Read(pipe.Fd, pipe.Buffer, pipe.Buffer.Length);
            if (read <= 0)
            {
                pipe.End(onLine);
                return;
            }

            pipe.Append(read, onLine);
        }
    }

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int Poll([In, Out] PollFd[] fds, nuint count, int timeoutMs);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint Read(int fd, byte[] buffer, nint count);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>One pipe: its descriptor, read buffer and the line being assembled.</summary>
    private sealed class Pipe(int fd)
    {
        private readonly Decoder decoder = Encoding.UTF8.GetDecoder();
        private readonly StringBuilder line = new();
        private readonly char[] chars = new char[Encoding.UTF8.GetMaxCharCount(16384)];

        public int Fd { get; } = fd;

        public byte[] Buffer { get; } = new byte[16384];

        public bool Ended { get; private set; }

        public void Append(int count, Action<string> onLine)
        {
            var decoded = decoder.GetChars(Buffer, 0, count, chars, 0);
            var start = 0;
            for (var i = 0; i < decoded; i++)
            {
                if (chars[i] == '\n')
                {
                    line.Append(chars, start, i - start);
                    Emit(onLine);
                    start = i + 1;
                }
            }

            line.Append(chars, start, decoded - start);
        }

        public void End(Action<string> onLine)
        {
            Ended = true;
            Flush(onLine);
        }

        public void Flush(Action<string> onLine)
        {
            if (line.Length > 0)
            {
                Emit(onLine);
            }
        }

        private void Emit(Action<string> onLine)
        {
            if (line.Length > 0 && line[^1] == '\r')
            {
                line.Length--;
            }

            onLine(line.ToString());
            line.Clear();
        }
    }
}
