using Microsoft.Extensions.Time.Testing;
using SupabaseBitbucket.Emulator.Bitbucket;

namespace SupabaseBitbucket.Emulator.Tests.Bitbucket;

public class BitbucketStoreTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    [Test]
    public void IssueCode_AfterExpiry_RemovesExpiredCodes()
    {
        var store = new BitbucketStore(clock);
        var expired = Enumerable.Range(0, 3).Select(_ => store.IssueCode("alice")).ToList();
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var fresh = store.IssueCode("alice");

        store.PendingCodeCount.Should().Be(1);
        store.RedeemCode(expired[0]).Should().BeNull();
        store.RedeemCode(fresh).Should().NotBeNull();
    }

    [Test]
    public void IssueCode_AtCapacity_DropsOldest()
    {
        var store = new BitbucketStore(clock, maxPendingCodes: 2);
        var codes = Enumerable.Range(0, 3).Select(_ => store.IssueCode("alice")).ToList();

        store.PendingCodeCount.Should().Be(2);
        store.RedeemCode(codes[0]).Should().BeNull();
        store.RedeemCode(codes[1]).Should().NotBeNull();
        store.RedeemCode(codes[2]).Should().NotBeNull();
    }

    [Test]
    public void IssueCode_AtCapacityAfterRedeem_KeepsNewest()
    {
        var store = new BitbucketStore(clock, maxPendingCodes: 2);
        store.RedeemCode(store.IssueCode("alice")).Should().NotBeNull();
        var second = store.IssueCode("alice");
        var third = store.IssueCode("alice");

        var fourth = store.IssueCode("alice");

        store.PendingCodeCount.Should().Be(2);
        store.RedeemCode(second).Should().BeNull();
        store.RedeemCode(third).Should().NotBeNull();
        store.RedeemCode(fourth).Should().NotBeNull();
    }

    [Test]
    public void RedeemCode_AfterTokenExpiry_DropsOldTokens()
    {
        var store = new BitbucketStore(clock);
        var first = store.RedeemCode(store.IssueCode("alice"))!;
        clock.Advance(BitbucketStore.AccessTokenLifetime + TimeSpan.FromSeconds(1));

        var second = store.RedeemCode(store.IssueCode("alice"))!;

        store.AccessTokenCount.Should().Be(1);
        store.FindUsername(first.AccessToken).Should().BeNull();
        store.FindUsername(second.AccessToken).Should().Be("alice");
        store.Refresh(first.RefreshToken).Should().NotBeNull();
    }
}
