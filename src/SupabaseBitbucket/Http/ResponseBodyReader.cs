namespace SupabaseBitbucket;

/// <summary>
/// Reads a response body into memory up to a size limit, so a misbehaving server cannot exhaust memory.
/// </summary>
internal static class ResponseBodyReader
{
    /// <summary>
    /// 1 MiB. A session with a user is a few kilobytes; the limit leaves room for large user metadata.
    /// </summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private const int ChunkBytes = 16 * 1024;

    /// <summary>Returns the body, or <see langword="null"/> when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[ChunkBytes];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
