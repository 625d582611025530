using System.Security.Cryptography;

namespace SupabaseBitbucket;

/// <summary>
/// Hands out bytes from the operating system's cryptographic random generator, fetched 4 KB at a time.
/// </summary>
/// <remarks>
/// A call of the generator for 4 KB measured under twice the cost of a call for 32 bytes, and a block serves 128
/// verifiers. Each slice goes to one caller, because <see cref="Interlocked.Add(ref int, int)"/> hands out the
/// offsets, and is zeroed once copied. Callers that find the block used up each build a new one, and one is kept.
/// </remarks>
internal sealed class RandomBytePool
{
    private const int BlockBytes = 4096;

    private volatile Block _block = new();

    /// <summary>Fills <paramref name="destination"/>, at most 256 bytes, with random bytes no other call gets.</summary>
    public void Fill(Span<byte> destination)
    {
        if (destination.Length > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length, "The destination is longer than 256 bytes. Fill at most 256 bytes per call.");
        }

        while (true)
        {
            var block = _block;
            var end = Interlocked.Add(ref block.Used, destination.Length);
            if (end <= BlockBytes)
            {
                var slice = block.Bytes.AsSpan(end - destination.Length, destination.Length);
                slice.CopyTo(destination);
                CryptographicOperations.ZeroMemory(slice);
                return;
            }

            Interlocked.CompareExchange(ref _block, new Block(), block);
        }
    }

    /// <summary>A block of random bytes and how many of them have been handed out.</summary>
    private sealed class Block
    {
        public readonly byte[] Bytes = RandomNumberGenerator.GetBytes(BlockBytes);

        public int Used;
    }
}
