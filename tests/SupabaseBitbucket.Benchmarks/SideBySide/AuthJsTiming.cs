namespace SupabaseBitbucket.Benchmarks.SideBySide;

/// <summary>The timing of @supabase/auth-js and the versions of node and auth-js that produced it.</summary>
internal sealed record AuthJsTiming(SignInTiming Timing, string NodeVersion, string AuthJsVersion);
