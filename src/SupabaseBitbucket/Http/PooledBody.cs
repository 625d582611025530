using System.Buffers;

namespace SupabaseBitbucket;

/// <summary>
/// A response body in an array borrowed from <see cref="ArrayPool{T}.Shared"/>. Disposing clears the array, which
/// held tokens, before it goes back to the pool.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private byte[]? _array;
    private readonly int _length;

    public PooledBody(byte[] array, int length)
    {
        _array = array;
        _length = length;
    }

    public ReadOnlyMemory<byte> Memory =>
        _array is { } array ? array.AsMemory(0, _length) : throw new ObjectDisposedException(nameof(PooledBody));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _array, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array, clearArray: true);
        }
    }
}
