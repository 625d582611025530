using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Http;
using SupabaseBitbucket.Emulator.Tokens;

namespace SupabaseBitbucket.Emulator.Auth;

/// <summary><c>GET /auth/v1/user</c>: the user of a valid access token.</summary>
internal sealed class UserEndpoint(EmulatorRuntime runtime)
{
    private readonly BearerAuthentication authentication = new(runtime);

    public Task HandleAsync(HttpContext context)
    {
        var (user, _, claims, error) = authentication.Authenticate(context.Request);
        if (error is not null)
        {
            return SupabaseErrorWriter.WriteAsync(context, error);
        }

        var audience = claims.TryGetProperty("aud", out var aud) ? aud : default;
        var firstAudience = audience.ValueKind == JsonValueKind.Array && audience.GetArrayLength() > 0
            ? audience[0].ToString()
            : audience.ValueKind == JsonValueKind.String ? audience.GetString() : null;
        if (firstAudience != "authenticated")
        {
            return SupabaseErrorWriter.WriteAsync(
                context, SupabaseError.ValidationFailed("Token audience doesn't match request audience"));
        }

        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, UserJson.Create(user!));
    }
}
