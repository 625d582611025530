namespace SupabaseBitbucket.Emulator.Faults;

/// <summary>The kind of response an <see cref="EmulatorFault"/> produces.</summary>
internal enum EmulatorFaultKind
{
    Status,
    Html,
    EmptyBody,
    TruncatedJson,
    Delay,
    DropConnection,
    TooManyRequests,
    OkWithoutTokens,
}
