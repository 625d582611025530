using Microsoft.AspNetCore.Http;

namespace SupabaseBitbucket.Emulator.Http;

/// <summary>
/// Reads URL-encoded and multipart form bodies, and turns a malformed body, or one over ASP.NET Core's form
/// limits (1,024 fields, 4 MiB a value) or Kestrel's request body limit (30 MB), into an error for the client.
/// </summary>
internal static class FormBody
{
    /// <summary>Reads the form, or returns an empty form when the content type is not a form type.</summary>
    public static async Task<(IFormCollection Form, FormBodyError? Error)> ReadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return (FormCollection.Empty, null);
        }

        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            return (form, null);
        }
        catch (InvalidDataException exception)
        {
            // FormReader and MultipartReader throw this for a broken body and for a body over the form limits.
            return (FormCollection.Empty, new FormBodyError(StatusCodes.Status400BadRequest, Describe(exception)));
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel throws this for a body over its size limit (413) or with broken framing (400).
            return (FormCollection.Empty, new FormBodyError(exception.StatusCode, Describe(exception)));
        }
    }

    private static string Describe(Exception exception) => "Invalid form body: " + exception.Message;
}

/// <summary>Why a form body could not be read, with the HTTP status to send.</summary>
internal sealed record FormBodyError(int Status, string Message);
