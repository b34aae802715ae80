using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Persistence;

/// <summary>
/// A data directory (<c>--data DIR</c>): a snapshot plus a write-ahead log. Every catalog change and commit is a
/// log frame made durable (fdatasync, shared by concurrent writers) before the write is acknowledged. Opening
/// folds the snapshot and the log's valid frames (a frame cut off by a crash ends the log), writes the result as
/// the new snapshot and starts an empty log, so the log never grows past one run. The snapshot is replaced by
/// rename, and each log carries the generation its snapshot expects, so a crash at any point leaves either the
/// old pair or the new one. One process at a time: a second open of the directory fails.
/// </summary>
internal sealed class DataDirectory : IDisposable
{
    public const string SnapshotName = "snapshot";
    public const string LogName = "log";
    public const string LockName = "lock";

    private static ReadOnlySpan<byte> SnapshotMagic => "STLVSNP1"u8;

    [ThreadStatic]
    private static RecordWriter? t_writer;

    private readonly FileStream _lock;
    private readonly WriteAheadLog _log;
    private PersistedState? _recovered;

    private DataDirectory(string path, FileStream lockFile, WriteAheadLog log, PersistedState recovered)
    {
        Path = path;
        _lock = lockFile;
        _log = log;
        _recovered = recovered;
    }

    public string Path { get; }

    /// <summary>Writes of the current log to disk (each covers every frame appended before it).</summary>
    public long LogFlushes => _log.Flushes;

    /// <summary>Opens (creating if needed) the directory and recovers its state, dropping stream records older than <paramref name="recordsSince"/>.</summary>
    public static DataDirectory Open(string path, DateTimeOffset recordsSince, bool sync = true)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(full);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(System.IO.Path.Combine(full, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"The data directory {full} is in use by another process (its '{LockName}' file is locked); stop that server or choose another --data directory.", e);
        }
        try
        {
            foreach (var temporary in Directory.EnumerateFiles(full, "*.tmp"))
            {
                File.Delete(temporary);
            }
            var state = new PersistedState();
            var generation = 1L;
            var snapshotPath = System.IO.Path.Combine(full, SnapshotName);
            if (File.Exists(snapshotPath))
            {
                generation = ReadSnapshot(snapshotPath, state);
            }
            var logPath = System.IO.Path.Combine(full, LogName);
            var replayed = 0;
            if (File.Exists(logPath) && FrameFile.Read(logPath, WriteAheadLog.Magic) is { } log && log.Generation == generation)
            {
                foreach (var frame in log.Frames)
                {
                    LogRecord.Fold(frame, state);
                }
                replayed = log.Frames.Count;
            }
            var trimmed = state.StreamRecords.Count;
            state.TrimRecords(recordsSince);
            if (replayed > 0 || trimmed != state.StreamRecords.Count)
            {
                generation++;
                WriteSnapshot(snapshotPath, state, generation);
            }
            return new DataDirectory(full, lockFile, WriteAheadLog.Create(logPath, generation, sync), state);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>The state found on open, handed over once (the engine loads it, then it is not kept twice).</summary>
    public PersistedState TakeRecovered() =>
        Interlocked.Exchange(ref _recovered, null) ?? throw new InvalidOperationException("The recovered state was already taken.");

    public void PutTable(string name, byte[] definition) => Write(w => LogRecord.WriteTablePut(w, name, definition));

    public void DeleteTable(string name) => Write(w => LogRecord.WriteTableDelete(w, name));

    public void PutStream(string arn, byte[] info) => Write(w => LogRecord.WriteStreamPut(w, arn, info));

    /// <summary>Writes one commit, with the stream records it produced, durably.</summary>
    public void Commit(Commit commit, IReadOnlyList<PersistedStreamRecord> records) => Write(w => LogRecord.WriteCommit(w, commit, records));

    /// <summary>Appends one commit without waiting; <see cref="Flush"/> with the result makes it durable.</summary>
    public long Append(Commit commit, IReadOnlyList<PersistedStreamRecord> records)
    {
        var writer = t_writer ??= new RecordWriter(4096);
        writer.Clear();
        LogRecord.WriteCommit(writer, commit, records);
        return _log.Append(writer.WrittenSpan);
    }

    public void Flush(long position) => _log.Flush(position);

    public void Dispose()
    {
        _log.Dispose();
        _lock.Dispose();
    }

    private void Write(Action<RecordWriter> write)
    {
        var writer = t_writer ??= new RecordWriter(4096);
        writer.Clear();
        write(writer);
        _log.Flush(_log.Append(writer.WrittenSpan));
    }

    private static long ReadSnapshot(string path, PersistedState state)
    {
        var snapshot = FrameFile.Read(path, SnapshotMagic)
            ?? throw new CorruptStoreException($"The snapshot {path} has no valid header.");
        long? stated = null;
        foreach (var frame in snapshot.Frames)
        {
            var end = LogRecord.Fold(frame, state);
            if (end >= 0)
            {
                stated = end;
            }
        }
        if (stated != snapshot.Frames.Count - 1)
        {
            throw new CorruptStoreException($"The snapshot {path} is incomplete or damaged ({snapshot.Frames.Count} readable frames).");
        }
        return snapshot.Generation;
    }

    private static void WriteSnapshot(string path, PersistedState state, long generation)
    {
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Span<byte> header = stackalloc byte[FrameFile.HeaderSize];
            FrameFile.WriteHeader(header, SnapshotMagic, generation);
            file.Write(header);
            var writer = new RecordWriter(4096);
            var frames = 0L;
            Span<byte> frameHeader = stackalloc byte[FrameFile.FrameOverhead];
            void Frame(FileStream file, Span<byte> frameHeader)
            {
                FrameFile.WriteFrameHeader(frameHeader, writer.WrittenSpan);
                file.Write(frameHeader);
                file.Write(writer.WrittenSpan);
                writer.Clear();
                frames++;
            }
            foreach (var (name, table) in state.Tables)
            {
                LogRecord.WriteTablePut(writer, name, table.Definition);
                Frame(file, frameHeader);
                foreach (var item in table.Items.Values)
                {
                    LogRecord.WriteItemPut(writer, name, item);
                    Frame(file, frameHeader);
                }
            }
            foreach (var (arn, info) in state.Streams)
            {
                LogRecord.WriteStreamPut(writer, arn, info);
                Frame(file, frameHeader);
            }
            foreach (var record in state.StreamRecords.Values)
            {
                LogRecord.WriteStreamRecord(writer, record);
                Frame(file, frameHeader);
            }
            LogRecord.WriteEnd(writer, frames);
            Frame(file, frameHeader);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        FrameFile.SyncDirectory(System.IO.Path.GetDirectoryName(path)!);
    }
}
