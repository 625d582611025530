using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Hosting;

/// <summary>
/// Logs each request's method, path and status, and turns an unexpected exception into a 500 JSON error
/// instead of an HTML stack trace. The log never shows the query, which can contain codes and tokens, and cuts
/// the path to <see cref="Log.MaxValueLength"/> characters.
/// </summary>
internal sealed class RequestLogging(EmulatorRuntime runtime, RequestRouter router)
{
    public async Task HandleAsync(HttpContext context)
    {
        var started = TimeProvider.System.GetTimestamp();
        var method = context.Request.Method;
        var path = Log.Truncate(context.Request.Path.Value ?? string.Empty);
        try
        {
            await router.HandleAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away, for example while a delay fault was waiting; so no response is sent.
        }
#pragma warning disable CA1031 // Every failure must reach the client as JSON, whatever its type.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.RequestFailed(runtime.Logger, exception, method, path);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                ApiGateway.AddCorsHeaders(context.Response);
                var error = SupabaseError.Unexpected(
                    "Unexpected failure, please check server logs for more information");
                await SupabaseErrorWriter.WriteAsync(context, error).ConfigureAwait(false);
            }
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            Log.RequestAborted(runtime.Logger, method, path);
            return;
        }

        var elapsed = (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
        Log.RequestCompleted(runtime.Logger, method, path, context.Response.StatusCode, elapsed);
    }
}
