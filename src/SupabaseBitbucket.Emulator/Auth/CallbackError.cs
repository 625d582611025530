using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Auth;

/// <summary>
/// An error that <c>/auth/v1/callback</c> reports in a redirect: an OAuth <c>error</c>, Supabase's
/// <c>error_code</c> (absent for an error passed through from Bitbucket) and a description.
/// </summary>
internal sealed record CallbackError(string Error, string? ErrorCode, string Description)
{
    public static CallbackError From(SupabaseError error) => new(
        error.Status switch
        {
            400 => "invalid_request",
            401 => "unauthorized_client",
            403 => "access_denied",
            503 => "temporarily_unavailable",
            _ => "server_error",
        },
        error.Code,
        error.Message);

    public IReadOnlyList<KeyValuePair<string, string>> ToParameters()
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("error", Error),
            new("error_description", Description),
        };
        if (ErrorCode is not null)
        {
            parameters.Add(new("error_code", ErrorCode));
        }

        return parameters;
    }
}
