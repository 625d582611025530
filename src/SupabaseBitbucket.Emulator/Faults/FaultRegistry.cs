namespace SupabaseBitbucket.Emulator.Faults;

/// <summary>
/// The faults waiting for each endpoint, served first in, first out; safe to use from any thread.
/// </summary>
internal sealed class FaultRegistry
{
    private readonly object gate = new();
    private readonly Dictionary<EmulatorEndpoint, LinkedList<PendingFault>> pending = [];

    public void Add(EmulatorEndpoint endpoint, EmulatorFault fault, int count)
    {
        lock (gate)
        {
            if (!pending.TryGetValue(endpoint, out var queue))
            {
                queue = new LinkedList<PendingFault>();
                pending.Add(endpoint, queue);
            }

            queue.AddLast(new PendingFault(fault, count));
        }
    }

    /// <summary>Takes the next fault for the endpoint, if any is left.</summary>
    public EmulatorFault? TryTake(EmulatorEndpoint endpoint)
    {
        lock (gate)
        {
            if (!pending.TryGetValue(endpoint, out var queue) || queue.First is not { } first)
            {
                return null;
            }

            first.Value.Remaining--;
            if (first.Value.Remaining == 0)
            {
                queue.RemoveFirst();
            }

            return first.Value.Fault;
        }
    }

    public int Count(EmulatorEndpoint endpoint)
    {
        lock (gate)
        {
            return pending.TryGetValue(endpoint, out var queue) ? queue.Sum(entry => entry.Remaining) : 0;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            pending.Clear();
        }
    }

    private sealed class PendingFault(EmulatorFault fault, int remaining)
    {
        public EmulatorFault Fault { get; } = fault;

        public int Remaining { get; set; } = remaining;
    }
}
