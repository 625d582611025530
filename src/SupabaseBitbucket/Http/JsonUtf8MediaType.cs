using System.Net.Http.Headers;

namespace SupabaseBitbucket;

/// <summary>
/// The <c>Content-Type</c> value <c>application/json;charset=UTF-8</c>, written exactly as @supabase/auth-js
/// 2.119.0 writes it.
/// </summary>
/// <remarks>
/// <see cref="MediaTypeHeaderValue"/> formats parameters with a space after the semicolon, and HttpClient
/// re-formats a raw header value that way as soon as any handler reads the header. Overriding
/// <see cref="ToString"/> keeps the value identical on the wire whichever handlers run.
/// </remarks>
internal sealed class JsonUtf8MediaType : MediaTypeHeaderValue
{
    public const string Value = "application/json;charset=UTF-8";

    public JsonUtf8MediaType()
        : base("application/json")
    {
        CharSet = "UTF-8";
    }

    public override string ToString() => Value;
}
