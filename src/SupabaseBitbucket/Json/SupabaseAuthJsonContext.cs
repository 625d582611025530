using System.Text.Json.Serialization;

namespace SupabaseBitbucket;

/// <summary>
/// Source-generated JSON metadata for every body the library sends or reads; no serialization uses reflection.
/// </summary>
/// <remarks>Property names map to snake_case, the naming of the Supabase Auth API.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PkceGrantRequest))]
[JsonSerializable(typeof(RefreshTokenGrantRequest))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(UserResponse))]
internal sealed partial class SupabaseAuthJsonContext : JsonSerializerContext
{
}
