namespace SupabaseBitbucket.ReliabilityTests.Hostile.Fuzz;

/// <summary>The endpoint a fuzz case is sent to.</summary>
internal enum FuzzTarget
{
    Login,
    Callback,
}
