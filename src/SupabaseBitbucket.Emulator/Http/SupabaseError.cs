namespace SupabaseBitbucket.Emulator.Http;

/// <summary>An error that Supabase Auth reports with an HTTP status, an error code and a message.</summary>
internal sealed record SupabaseError(int Status, string Code, string Message)
{
    public static SupabaseError ValidationFailed(string message) => new(400, "validation_failed", message);

    public static SupabaseError BadJson(string detail) =>
        new(400, "bad_json", "Could not parse request body as JSON: " + detail);

    public static SupabaseError Unexpected(string message) => new(500, "unexpected_failure", message);

    public static SupabaseError NotFound(string path) =>
        new(404, "not_found", $"No route matches {path}: see the emulator's documentation for its endpoints.");
}
