using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Stelvio.DynamoDB.Local.Persistence;

/// <summary>
/// An append-only log of CRC-checked frames with group commit: <see cref="Append"/> only copies a frame into
/// memory (callers append in commit order, under their own lock); <see cref="Flush"/> returns once that frame
/// is written. Writers that flush while another is writing wait and are then made durable together by one
/// write and one fdatasync, so concurrent writers share the cost of a sync.
/// </summary>
internal sealed class WriteAheadLog : IDisposable
{
    public static ReadOnlySpan<byte> Magic => "STLVLOG1"u8;

    private readonly object _appendGate = new();
    private readonly SafeFileHandle _handle;
    private readonly bool _sync;
    private ArrayBufferWriter<byte> _pending = new(64 * 1024);
    private ArrayBufferWriter<byte> _spare = new(64 * 1024);
    private long _appended;
    private long _durable;
    private long _fileLength;
    private Exception? _failure;
    private long _flushes;
    private bool _flushing;

    private WriteAheadLog(SafeFileHandle handle, long length, bool sync)
    {
        _handle = handle;
        _sync = sync;
        _fileLength = length;
        _appended = length;
        _durable = length;
    }

    /// <summary>
    /// Creates (or replaces) the log at <paramref name="path"/> with an empty log of <paramref name="generation"/>,
    /// durably. With <paramref name="sync"/> each flush ends with fdatasync (a write survives power loss); without,
    /// a flush ends once the kernel has the bytes (a write survives the process being killed, not the machine).
    /// </summary>
    public static WriteAheadLog Create(string path, long generation, bool sync)
    {
        var temporary = path + ".tmp";
        using (var handle = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write))
        {
            Span<byte> header = stackalloc byte[FrameFile.HeaderSize];
            FrameFile.WriteHeader(header, Magic, generation);
            RandomAccess.Write(handle, header, 0);
            RandomAccess.FlushToDisk(handle);
        }
        File.Move(temporary, path, overwrite: true);
        FrameFile.SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new WriteAheadLog(File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read), FrameFile.HeaderSize, sync);
    }

    /// <summary>How many times the log was written out (each covers every frame appended before it).</summary>
    public long Flushes => Volatile.Read(ref _flushes);

    /// <summary>Copies one frame into the log's memory; returns the position <see cref="Flush"/> takes.</summary>
    public long Append(ReadOnlySpan<byte> payload)
    {
        lock (_appendGate)
        {
            if (_failure is not null)
            {
                throw new IOException("The data directory's log could not be written earlier; the engine takes no more writes.", _failure);
            }
            var span = _pending.GetSpan(FrameFile.FrameOverhead + payload.Length);
            FrameFile.WriteFrameHeader(span, payload);
            payload.CopyTo(span[FrameFile.FrameOverhead..]);
            _pending.Advance(FrameFile.FrameOverhead + payload.Length);
            _appended += FrameFile.FrameOverhead + payload.Length;
            return _appended;
        }
    }

    /// <summary>
    /// Returns once every frame up to <paramref name="position"/> is durable. One caller at a time writes and
    /// syncs everything appended so far; the others wait for it (not for a lock, so a write that covered their
    /// frames releases them all at once) and then return or take the next turn.
    /// </summary>
    public void Flush(long position)
    {
        if (Volatile.Read(ref _durable) >= position)
        {
            return;
        }
        lock (_appendGate)
        {
            while (_durable < position)
            {
                if (_failure is not null)
                {
                    throw new IOException("The data directory's log could not be written.", _failure);
                }
                if (_flushing)
                {
                    Monitor.Wait(_appendGate);
                    continue;
                }
                _flushing = true;
                var batch = _pending;
                _pending = _spare;
                _spare = batch;
                var end = _appended;
                Monitor.Exit(_appendGate);
                Exception? failure = null;
                try
                {
                    RandomAccess.Write(_handle, batch.WrittenSpan, _fileLength);
                    _fileLength += batch.WrittenCount;
                    if (_sync)
                    {
                        FrameFile.Sync(_handle);
                    }
                    batch.ResetWrittenCount();
                }
                catch (Exception e)
                {
                    failure = e;
                }
                finally
                {
                    Monitor.Enter(_appendGate);
                }
                _flushes++;
                _flushing = false;
                _failure ??= failure;
                if (failure is null)
                {
                    Volatile.Write(ref _durable, end);
                }
                Monitor.PulseAll(_appendGate);
            }
        }
    }

    public void Dispose()
    {
        lock (_appendGate)
        {
            while (_flushing)
            {
                Monitor.Wait(_appendGate);
            }
            _handle.Dispose();
        }
    }
}
