namespace SupabaseBitbucket.Emulator.Accounts;

/// <summary>The Bitbucket accounts on offer, in order; usernames are unique without regard to case.</summary>
internal sealed class AccountDirectory
{
    private readonly object gate = new();
    private readonly List<EmulatorAccount> accounts = [];
    private readonly Dictionary<string, EmulatorAccount> byUsername = new(StringComparer.OrdinalIgnoreCase);

    public AccountDirectory(IEnumerable<EmulatorAccount> initial)
    {
        foreach (var account in initial)
        {
            Add(account);
        }
    }

    public IReadOnlyList<EmulatorAccount> Snapshot()
    {
        lock (gate)
        {
            return [.. accounts];
        }
    }

    /// <exception cref="ArgumentException">An account with the same username exists.</exception>
    public void Add(EmulatorAccount account)
    {
        lock (gate)
        {
            if (!byUsername.TryAdd(account.Username, account))
            {
                throw new ArgumentException(
                    $"An account with the username '{account.Username}' exists already; pick another username.",
                    nameof(account));
            }

            accounts.Add(account);
        }
    }

    public EmulatorAccount? Find(string username)
    {
        lock (gate)
        {
            return byUsername.GetValueOrDefault(username);
        }
    }

    /// <summary>Finds the auto-consent account: <c>first</c> names the first account, else a username.</summary>
    public EmulatorAccount? FindAutoConsent(string choice)
    {
        lock (gate)
        {
            return string.Equals(choice, "first", StringComparison.OrdinalIgnoreCase)
                ? accounts.FirstOrDefault()
                : byUsername.GetValueOrDefault(choice);
        }
    }
}
