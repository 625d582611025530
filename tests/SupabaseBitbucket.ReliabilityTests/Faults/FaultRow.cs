using SupabaseBitbucket.Emulator;

namespace SupabaseBitbucket.ReliabilityTests.Faults;

/// <summary>One way Supabase Auth can fail, with the event the library logs for it.</summary>
/// <param name="Name">A short name for test names and figures.</param>
/// <param name="Create">Creates the fault to inject.</param>
/// <param name="ClientEvent">
/// The event name SupabaseAuthClient logs when the call fails this way, such as
/// <c>SupabaseAuthRequestTimedOut</c>.
/// </param>
/// <param name="IsSuccessStatus">
/// Whether the fault responds with a 2xx status. Sign-out needs no body, so for it such a fault is a success.
/// </param>
public sealed record FaultRow(string Name, Func<EmulatorFault> Create, string ClientEvent, bool IsSuccessStatus)
{
    public override string ToString() => Name;
}
