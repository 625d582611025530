namespace SupabaseBitbucket.ConformanceTests.JavaScript;

/// <summary>
/// An HTTP response that auth-js received: the status, and the error code from the body or the
/// <c>x-sb-error-code</c> header when it failed.
/// </summary>
internal sealed record NodeResponse(int Status, string? Code);
