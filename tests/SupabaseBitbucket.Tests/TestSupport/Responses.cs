using System.Net;
using System.Text;

namespace SupabaseBitbucket.Tests.TestSupport;

/// <summary>Builders for canned responses.</summary>
internal static class Responses
{
    public static HttpResponseMessage Json(int status, string json)
    {
        return new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
    }

    public static HttpResponseMessage Text(int status, string text, string mediaType)
    {
        return new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(text, Encoding.UTF8, mediaType),
        };
    }
}
