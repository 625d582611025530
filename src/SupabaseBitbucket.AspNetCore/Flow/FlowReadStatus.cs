namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// What reading a flow cookie found.
/// </summary>
internal enum FlowReadStatus
{
    Found,
    Missing,
    Unreadable,
    Expired,
}
