using SupabaseBitbucket.Emulator;

namespace SupabaseBitbucket.ReliabilityTests.Faults;

/// <summary>The failures every call to Supabase Auth is tested against.</summary>
internal static class FaultTable
{
    /// <summary>
    /// The client timeout that fault tests configure (<c>Supabase:HttpTimeout</c>). The delay fault waits three
    /// times as long, so the call always times out first.
    /// </summary>
    public static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(1);

    private const string Failed = "SupabaseAuthRequestFailed";
    private const string Invalid = "SupabaseAuthInvalidResponse";

    public static IReadOnlyList<FaultRow> Rows { get; } =
    [
        new("500 JSON", () => EmulatorFault.Status(500, "unexpected_failure", "Unexpected failure"), Failed, false),
        new("502 HTML", () => EmulatorFault.Html(502), Invalid, false),
        new("503 empty", () => EmulatorFault.EmptyBody(503), Invalid, false),
        new("429 Retry-After", () => EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(30)), Failed, false),
        new("timeout", () => EmulatorFault.Delay(HttpTimeout * 3), "SupabaseAuthRequestTimedOut", false),
        new("dropped connection", EmulatorFault.DropConnection, "SupabaseAuthConnectionFailed", false),
        new("200 empty body", () => EmulatorFault.EmptyBody(200), Invalid, true),
        new("200 truncated JSON", EmulatorFault.TruncatedJson, Invalid, true),
        new("200 without tokens", EmulatorFault.OkWithoutTokens, Invalid, true),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        Rows.Select(row => new TestCaseData(row).SetArgDisplayNames(row.Name));

    /// <summary>The settings of an app under fault tests: a short client timeout and quiet framework logs.</summary>
    public static Dictionary<string, string?> AppSettings() => new()
    {
        ["Supabase:HttpTimeout"] = HttpTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Microsoft"] = "Warning",
    };
}
