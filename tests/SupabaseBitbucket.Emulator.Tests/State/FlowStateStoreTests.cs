using Microsoft.Extensions.Time.Testing;
using SupabaseBitbucket.Emulator.State;

namespace SupabaseBitbucket.Emulator.Tests.State;

public class FlowStateStoreTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    [Test]
    public void Add_AtCapacity_EvictsOldest()
    {
        var store = new FlowStateStore(clock, Lifetime, capacity: 3);
        var flowStates = Enumerable.Range(0, 4).Select(_ => NewFlowState()).ToList();

        flowStates.ForEach(store.Add);

        store.Count.Should().Be(3);
        store.Find(flowStates[0].Id).Should().BeNull();
        store.Find(flowStates[1].Id).Should().BeSameAs(flowStates[1]);
        store.Find(flowStates[3].Id).Should().BeSameAs(flowStates[3]);
    }

    [Test]
    public void Add_AfterRetention_RemovesOldInBoundedBatches()
    {
        var store = new FlowStateStore(clock, Lifetime);
        var old = Enumerable.Range(0, 40).Select(_ => NewFlowState()).ToList();
        old.ForEach(store.Add);
        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        store.Add(NewFlowState());
        var countAfterOneAdd = store.Count;
        store.Add(NewFlowState());
        store.Add(NewFlowState());

        countAfterOneAdd.Should().Be(40 - FlowStateStore.MaxRemovalsPerAdd + 1);
        store.Count.Should().Be(3);
        store.Find(old[^1].Id).Should().BeNull();
    }

    [Test]
    public void Add_ExpiredWithinRetention_KeepsFlowState()
    {
        var store = new FlowStateStore(clock, Lifetime);
        var expired = NewFlowState();
        store.Add(expired);
        clock.Advance(TimeSpan.FromHours(23));

        store.Add(NewFlowState());

        store.Find(expired.Id).Should().BeSameAs(expired);
    }

    [Test]
    public void Add_LifetimeOverRetention_KeepsForLifetime()
    {
        var store = new FlowStateStore(clock, TimeSpan.FromHours(48));
        var flowState = NewFlowState();
        store.Add(flowState);
        clock.Advance(TimeSpan.FromHours(30));

        store.Add(NewFlowState());

        store.Find(flowState.Id).Should().BeSameAs(flowState);
    }

    [Test]
    public void Exchange_AfterEviction_ReturnsNotFound()
    {
        var store = new FlowStateStore(clock, Lifetime, capacity: 1);
        var first = NewFlowState();
        store.Add(first);
        store.TryComplete(first, Guid.NewGuid(), "provider-token", "provider-refresh-token").Should().BeTrue();

        store.Add(NewFlowState());
        var (flowState, error) = store.Exchange(first.AuthCode!, "verifier", clock.GetUtcNow(), Lifetime);

        flowState.Should().BeNull();
        error!.Code.Should().Be("flow_state_not_found");
    }

    private FlowState NewFlowState() => new()
    {
        Id = Guid.NewGuid(),
        AuthCode = Guid.NewGuid().ToString(),
        CodeChallenge = "challenge",
        CodeChallengeMethod = "plain",
        RedirectTarget = "http://127.0.0.1:3000",
        CreatedAt = clock.GetUtcNow(),
    };
}
