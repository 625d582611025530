using Microsoft.Extensions.Logging.Testing;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Support;

/// <summary>
/// The records an app and its emulator log from the moment the window opens, so that a test sharing them with
/// other tests counts and scans only its own.
/// </summary>
internal sealed class LogWindow
{
    private readonly FakeLogCollector _appLogs;
    private readonly FakeLogCollector _emulatorLogs;
    private readonly int _appStart;
    private readonly int _emulatorStart;

    public LogWindow(TestApp app)
        : this(app.Logs, app.EmulatorLogs)
    {
    }

    public LogWindow(FakeLogCollector appLogs, FakeLogCollector emulatorLogs)
    {
        _appLogs = appLogs;
        _emulatorLogs = emulatorLogs;
        _appStart = appLogs.Count;
        _emulatorStart = emulatorLogs.Count;
    }

    /// <summary>Counts the app's records of an event.</summary>
    public int Count(string eventName) => LogRecords.Count(_appLogs, eventName, _appStart);

    /// <summary>Counts the app's records of a SupabaseAuthClient event for one operation, such as <c>refresh</c>.</summary>
    public int Count(string eventName, string operation) => LogRecords.Count(_appLogs, eventName, operation, _appStart);

    public string AppText() => LogRecords.Text(_appLogs, _appStart);

    /// <summary>Fails when either log has an error or contains a collected secret.</summary>
    public void AssertClean(SecretLedger secrets)
    {
        LogRecords.AssertNoErrors(_appLogs, "the app", _appStart);
        LogRecords.AssertNoErrors(_emulatorLogs, "the emulator", _emulatorStart);
        secrets.AssertAbsent("the app log", AppText());
        secrets.AssertAbsent("the emulator log", LogRecords.Text(_emulatorLogs, _emulatorStart));
    }
}
