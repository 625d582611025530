namespace SupabaseBitbucket.Benchmarks.FullFlow;

/// <summary>
/// A record of failed sign-ins that counts all of them and keeps the messages of the first three, so that memory
/// stays bounded however many fail. It is safe to use from many threads.
/// </summary>
internal sealed class FailureLog
{
    private const int MaxMessages = 3;

    private readonly Lock _gate = new();
    private readonly List<string> _messages = [];
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Gets the messages of the first failures, at most three.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public void Add(int signInNumber, Exception exception)
    {
        lock (_gate)
        {
            _count++;
            if (_messages.Count < MaxMessages)
            {
                _messages.Add($"sign-in {signInNumber}: {exception.GetType().Name}: {exception.Message}");
            }
        }
    }
}
