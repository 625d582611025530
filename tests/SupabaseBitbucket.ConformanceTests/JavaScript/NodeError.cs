namespace SupabaseBitbucket.ConformanceTests.JavaScript;

/// <summary>An error that auth-js returned: its class name, the status and code it carries, and its message.</summary>
internal sealed record NodeError(string? Name, int? Status, string? Code, string Message);
