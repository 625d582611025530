namespace SupabaseBitbucket.Tests.SignIn;

public class RandomBytePoolTests
{
    [Test]
    public void Fill_ManyCallsAcrossBlocks_NeverRepeats()
    {
        var pool = new RandomBytePool();

        // 1,000 slices of 32 bytes span eight blocks of 4 KB.
        var values = Enumerable.Range(0, 1_000).Select(_ => Convert.ToHexString(Fill(pool, 32))).ToList();

        values.Should().OnlyHaveUniqueItems();
        values.Should().NotContain(new string('0', 64), "a handed-out slice is never one already zeroed");
    }

    [Test]
    public async Task Fill_ParallelCallers_GetDistinctBytes()
    {
        var pool = new RandomBytePool();

        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            () => Enumerable.Range(0, 2_000).Select(_ => Convert.ToHexString(Fill(pool, 32))).ToList())));

        batches.SelectMany(batch => batch).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void Fill_Bytes_AreNotBiasedTowardZero()
    {
        var pool = new RandomBytePool();

        var bytes = Enumerable.Range(0, 256).SelectMany(_ => Fill(pool, 32)).ToArray();

        // 8,192 random bytes contain about 32 zeros. A pool that handed out cleared memory would give thousands.
        bytes.Count(b => b == 0).Should().BeLessThan(100);
    }

    [Test]
    public void Fill_MoreThan256Bytes_Throws()
    {
        var pool = new RandomBytePool();

        var act = () => pool.Fill(new byte[257]);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static byte[] Fill(RandomBytePool pool, int length)
    {
        var bytes = new byte[length];
        pool.Fill(bytes);
        return bytes;
    }
}
