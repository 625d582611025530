using System.Buffers;
using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.Http;

public class ResponseBodyReaderTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3276)]
    [TestCase(16 * 1024)]
    [TestCase(40_000)]
    [TestCase(ResponseBodyReader.MaxBodyBytes)]
    public async Task ReadAsync_DeclaredOrNotLength_ReturnsExactBytes(int size)
    {
        var data = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();

        using var declared = await ResponseBodyReader.ReadAsync(new ByteArrayContent(data), CancellationToken.None);
        using var undeclared = await ResponseBodyReader.ReadAsync(
            new StreamContent(new UnknownLengthStream(data)), CancellationToken.None);

        declared!.Memory.ToArray().Should().Equal(data);
        undeclared!.Memory.ToArray().Should().Equal(data);
    }

    [Test]
    public async Task ReadAsync_DeclaredOverLimit_ReturnsNullWithoutReading()
    {
        var content = new StreamContent(new ThrowingStream());
        content.Headers.ContentLength = ResponseBodyReader.MaxBodyBytes + 1;

        var body = await ResponseBodyReader.ReadAsync(content, CancellationToken.None);

        body.Should().BeNull();
    }

    [TestCase(-1L)]
    [TestCase(-2L)]
    [TestCase(long.MinValue)]
    public async Task ReadAsync_NegativeDeclaredLength_ReadsAsUndeclared(long declared)
    {
        var content = new StreamContent(new UnknownLengthStream([7, 8, 9]));
        content.Headers.ContentLength = declared;

        using var body = await ResponseBodyReader.ReadAsync(content, CancellationToken.None);

        body!.Memory.ToArray().Should().Equal(7, 8, 9);
    }

    [Test]
    public async Task ReadAsync_LargeDeclaredLengthShortBody_ReadsBody()
    {
        var content = new StreamContent(new UnknownLengthStream([1, 2]));
        content.Headers.ContentLength = ResponseBodyReader.MaxBodyBytes;

        using var body = await ResponseBodyReader.ReadAsync(content, CancellationToken.None);

        body!.Memory.ToArray().Should().Equal(1, 2);
    }

    [Test]
    public async Task ReadAsync_StreamEndsBeforeDeclaredLength_ReturnsWhatArrived()
    {
        var content = new StreamContent(new UnknownLengthStream([1, 2, 3]));
        content.Headers.ContentLength = 10;

        using var body = await ResponseBodyReader.ReadAsync(content, CancellationToken.None);

        body!.Memory.ToArray().Should().Equal(1, 2, 3);
    }

    [Test]
    public async Task ReadAsync_BodyLongerThanDeclared_StillStopsAtLimit()
    {
        var content = new StreamContent(new UnknownLengthStream(new byte[ResponseBodyReader.MaxBodyBytes + 1]));
        content.Headers.ContentLength = 10;

        var body = await ResponseBodyReader.ReadAsync(content, CancellationToken.None);

        body.Should().BeNull();
    }

    [Test]
    public void PooledBody_Dispose_ClearsArrayOnce()
    {
        var array = ArrayPool<byte>.Shared.Rent(64);
        array.AsSpan().Fill(0xAB);
        var body = new PooledBody(array, 10);

        body.Dispose();
        body.Dispose();

        array.Should().OnlyContain(b => b == 0, "the array contained tokens before it went back to the pool");
        body.Invoking(b => b.Memory).Should().Throw<ObjectDisposedException>();
    }

    private sealed class ThrowingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The body was read although its declared length is over the limit.");
    }
}
