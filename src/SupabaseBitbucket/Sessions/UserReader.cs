using System.Text.Json;

namespace SupabaseBitbucket;

/// <summary>
/// Reads the body of <c>GET /auth/v1/user</c> into a <see cref="SupabaseUser"/>.
/// </summary>
internal static class UserReader
{
    /// <summary>
    /// Returns the user, or <see langword="null"/> with the problem when the body is not a user object.
    /// </summary>
    public static SupabaseUser? TryRead(ReadOnlyMemory<byte> body, out string? problem)
    {
        UserResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(body.Span, SupabaseAuthJsonContext.Default.UserResponse);
        }
        catch (JsonException)
        {
            problem = "the body is not a JSON user object";
            return null;
        }

        if (string.IsNullOrEmpty(response?.Id))
        {
            problem = "the body has no id";
            return null;
        }

        problem = null;
        return UserMapper.ToUser(response);
    }
}
