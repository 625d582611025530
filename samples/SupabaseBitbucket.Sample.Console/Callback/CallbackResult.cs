namespace SupabaseBitbucket.Sample.Console.Callback;

/// <summary>
/// What Supabase sent the browser back with: an authorization code, or an error with its description.
/// </summary>
/// <param name="Code">The single-use authorization code, or <see langword="null"/> on failure.</param>
/// <param name="Error">The OAuth error, such as <c>access_denied</c>, or <see langword="null"/>.</param>
/// <param name="ErrorCode">Supabase's <c>error_code</c>, when it sent one.</param>
/// <param name="ErrorDescription">The human-readable <c>error_description</c>, when sent.</param>
internal sealed record CallbackResult(string? Code, string? Error, string? ErrorCode, string? ErrorDescription)
{
    // Supabase Auth sends this error_description, with error=server_error, when the provider returns no email.
    private const string NoEmailDescription = "Error getting user email from external provider";

    public bool Succeeded => !string.IsNullOrEmpty(Code) && Error is null;

    /// <summary>Reads the callback's query parameters; a callback with neither code nor error is a failure.</summary>
    public static CallbackResult FromQuery(IReadOnlyDictionary<string, string> query)
    {
        query.TryGetValue("code", out var code);
        query.TryGetValue("error", out var error);
        query.TryGetValue("error_code", out var errorCode);
        query.TryGetValue("error_description", out var description);
        if (error is null && string.IsNullOrEmpty(code))
        {
            return new CallbackResult(null, "code_missing", null, "The callback carried neither a code nor an error.");
        }

        return new CallbackResult(error is null ? code : null, error, errorCode, description);
    }

    /// <summary>Describes the failure in one line, without the code.</summary>
    public string DescribeError()
    {
        var code = ErrorCode is null ? string.Empty : $" ({ErrorCode})";
        return $"{Error}{code}: {ErrorDescription ?? "no description"}";
    }

    /// <summary>
    /// Explains, in one plain line, a failure that the user can act on: a cancelled consent or a Bitbucket account
    /// without an email address. Returns <see langword="null"/> for any other failure.
    /// </summary>
    public string? ExplainError()
    {
        if (Error == "access_denied")
        {
            return "Sign-in cancelled: you cancelled it on Bitbucket's consent page. Run the sample again to sign in.";
        }

        if (ErrorDescription?.Contains(NoEmailDescription, StringComparison.OrdinalIgnoreCase) == true)
        {
            return "Sign-in failed: your Bitbucket account has no email address. Add and confirm one in Bitbucket's "
                + "personal settings, then sign in again.";
        }

        return null;
    }
}
