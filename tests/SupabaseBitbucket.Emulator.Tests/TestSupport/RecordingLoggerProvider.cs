using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SupabaseBitbucket.Emulator.Tests.TestSupport;

/// <summary>A logger provider that keeps every formatted message, for checks on what the emulator logs.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> entries = new();

    /// <summary>Gets the formatted messages, each followed by the message of its exception if it has one.</summary>
    public IReadOnlyList<string> Lines => [.. entries.Select(entry => entry.Line)];

    /// <summary>Gets the messages with their levels and event names.</summary>
    public IReadOnlyList<RecordedLog> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(entries);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(ConcurrentQueue<RecordedLog> entries) : ILogger
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
            var line = formatter(state, exception) + (exception is null ? string.Empty : " " + exception.Message);
            entries.Enqueue(new RecordedLog(logLevel, eventId.Name, line));
        }
    }
}

/// <summary>One message that <see cref="RecordingLoggerProvider"/> kept.</summary>
internal sealed record RecordedLog(LogLevel Level, string? EventName, string Line);
