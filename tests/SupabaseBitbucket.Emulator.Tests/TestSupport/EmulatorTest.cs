using Microsoft.Extensions.Time.Testing;

namespace SupabaseBitbucket.Emulator.Tests.TestSupport;

/// <summary>A fixture base that starts a fresh emulator, on a fake clock that starts now, for each test.</summary>
public abstract class EmulatorTest
{
    protected FakeTimeProvider Clock { get; private set; } = null!;

    protected TestEmulator Emulator { get; private set; } = null!;

    [SetUp]
    public async Task StartEmulatorAsync()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Emulator = await TestEmulator.StartAsync(options =>
        {
            options.TimeProvider = Clock;
            Configure(options);
        });
    }

    [TearDown]
    public async Task StopEmulatorAsync() => await Emulator.DisposeAsync();

    /// <summary>Changes the options of the emulator that each test of the fixture gets.</summary>
    protected virtual void Configure(SupabaseAuthEmulatorOptions options)
    {
    }
}
