using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SupabaseBitbucket.Emulator.Tests.TestSupport;

/// <summary>A logger provider that keeps every formatted message, for checks on what the emulator logs.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(lines);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception.Message));
        }
    }
}
