namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// The outcome of reading a flow cookie, with the flow when it could be decrypted.
/// </summary>
internal readonly record struct FlowReadResult(FlowReadStatus Status, FlowState? Flow);
