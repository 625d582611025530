using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Auth;

/// <summary>
/// <c>POST /auth/v1/logout?scope=global|local|others</c>: ends the user's sessions, all of them by default,
/// and returns 204.
/// </summary>
internal sealed class LogoutEndpoint(EmulatorRuntime runtime)
{
    private readonly BearerAuthentication authentication = new(runtime);

    public Task HandleAsync(HttpContext context)
    {
        var (user, session, _, error) = authentication.Authenticate(context.Request);
        if (error is not null)
        {
            return SupabaseErrorWriter.WriteAsync(context, error);
        }

        var scope = context.Request.Query["scope"].ToString();
        if (scope is not ("" or "global" or "local" or "others"))
        {
            return SupabaseErrorWriter.WriteAsync(
                context, SupabaseError.ValidationFailed($"Unsupported logout scope \"{scope}\""));
        }

        // A token without a session signs the user out everywhere, whatever the scope.
        var effectiveScope = session is null || scope.Length == 0 ? "global" : scope;
        var count = runtime.Sessions.SignOut(user!.Id, session?.Id, effectiveScope);
        Log.SessionsEnded(runtime.Logger, effectiveScope, count, user.Id);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
