using System.Text.Json;

namespace SupabaseBitbucket.Emulator.Tests.TestSupport;

internal static class AccessTokens
{
    public static JsonElement ReadClaims(string accessToken)
    {
        var payload = accessToken.Split('.')[1];
        using var document = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(payload));
        return document.RootElement.Clone();
    }

    public static string SessionId(JsonElement session) =>
        ReadClaims(session.Text("access_token")).Text("session_id");
}
