namespace Mosel.Experiments.Output;

/// <summary>
/// A write-only stream that hands its target the bytes in chunks of one fixed size (the last one shorter), whatever
/// sizes they were written in. A compressor's output can depend on how its input was split, so the records that one
/// machine joins from parts and those <c>mosel merge</c> rebuilds from shards go through this to compress to the same
/// bytes.
/// </summary>
public sealed class FixedChunkStream(Stream target, int chunk = 1 << 16) : Stream
{
    private readonly byte[] _buffer = new byte[chunk];
    private int _filled;
    private bool _disposed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            int take = Math.Min(buffer.Length, _buffer.Length - _filled);
            buffer[..take].CopyTo(_buffer.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == _buffer.Length)
            {
                target.Write(_buffer);
                _filled = 0;
            }
        }
    }

    /// <summary>Only the end of the data writes a short chunk (on dispose); a flush does not, so flushes cannot change the chunks.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            target.Write(_buffer, 0, _filled);
            _filled = 0;
            target.Dispose();
        }
        base.Dispose(disposing);
    }
}
