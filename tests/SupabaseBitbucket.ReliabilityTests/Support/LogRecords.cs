using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Support;

/// <summary>
/// Reads a captured log from a start index on, so that a test sharing an app with others sees only its own
/// records. Each test takes <see cref="FakeLogCollector.Count"/> before it acts.
/// </summary>
internal static class LogRecords
{
    /// <summary>
    /// The events ASP.NET Core logs for an exception that reached the server: the exception handler
    /// middleware's and Kestrel's.
    /// </summary>
    private static readonly string[] UnhandledExceptionEvents = ["UnhandledException", "ApplicationError"];

    public static IReadOnlyList<FakeLogRecord> Since(FakeLogCollector logs, int start) =>
        [.. logs.GetSnapshot().Skip(start)];

    public static int Count(FakeLogCollector logs, string eventName, int start = 0) =>
        Since(logs, start).Count(record => record.Id.Name == eventName);

    /// <summary>Counts the records of an event whose <c>Operation</c> value is <paramref name="operation"/>.</summary>
    public static int Count(FakeLogCollector logs, string eventName, string operation, int start) =>
        Since(logs, start).Count(record => record.Id.Name == eventName && record.GetStructuredStateValue("Operation") == operation);

    public static string Text(FakeLogCollector logs, int start = 0) => string.Join(
        "\n",
        Since(logs, start).Select(record => $"{record.Level} {record.Id.Name}: {record.Message} {record.Exception}"));

    /// <summary>Fails on any Error or Critical record and on any unhandled-exception event, whatever its level.</summary>
    public static void AssertNoErrors(FakeLogCollector logs, string source, int start = 0)
    {
        var errors = Since(logs, start)
            .Where(record => record.Level >= LogLevel.Error || UnhandledExceptionEvents.Contains(record.Id.Name))
            .Select(record => $"{record.Level} {record.Category} {record.Id.Name}: {record.Message} {record.Exception?.GetType().Name}")
            .ToList();
        Assert.That(errors, Is.Empty, $"{source} logged errors");
    }
}
