using System.Text.Json;

namespace SupabaseBitbucket.Emulator.Tests.TestSupport;

internal static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
