using System.Buffers;

namespace SupabaseBitbucket;

/// <summary>
/// Reads a response body into pooled memory up to a size limit, so a misbehaving server cannot exhaust memory and
/// a well-behaved one costs no array per response.
/// </summary>
internal static class ResponseBodyReader
{
    /// <summary>
    /// 1 MiB. A session with a user is a few kilobytes; the limit leaves room for large user metadata.
    /// </summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The first buffer when the length is not declared, and the most rented before any byte arrives.</summary>
    private const int InitialBytes = 16 * 1024;

    private const int MaxInitialBytes = 64 * 1024;

    /// <summary>Returns the body, or <see langword="null"/> when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    public static async Task<PooledBody?> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var declaredLength = content.Headers.ContentLength;
        if (declaredLength > MaxBodyBytes)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // With a declared length one array usually contains the body. The extra byte lets the last read, which finds
            // the end of the body, land without growing the array. A negative length, which only code can set, counts
            // as none, and a large one grows as bytes arrive instead of being rented up front.
            var initialBytes = declaredLength is >= 0
                ? (int)Math.Min(declaredLength.Value + 1, MaxInitialBytes)
                : InitialBytes;
            var buffer = ArrayPool<byte>.Shared.Rent(initialBytes);
            var length = 0;
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > MaxBodyBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                        return null;
                    }

                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, length);
                    }
                }

                return new PooledBody(buffer, length);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                throw;
            }
        }
    }

    /// <summary>Moves the bytes read so far to a pooled array twice the size and returns the old one.</summary>
    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        return larger;
    }
}
