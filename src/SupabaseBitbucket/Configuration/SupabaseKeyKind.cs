namespace SupabaseBitbucket;

/// <summary>
/// The kinds of Supabase API key that option validation tells apart.
/// </summary>
internal enum SupabaseKeyKind
{
    Unknown,
    Publishable,
    Secret,
    LegacyAnon,
    LegacyServiceRole,
}
