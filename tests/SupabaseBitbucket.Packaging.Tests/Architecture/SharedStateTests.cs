using System.CodeDom.Compiler;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SupabaseBitbucket.AspNetCore;
using SupabaseBitbucket.Packaging.Tests.Infrastructure;

namespace SupabaseBitbucket.Packaging.Tests.Architecture;

/// <summary>
/// The request paths of the libraries take no lock, keep no mutable static state and create no
/// <see cref="HttpClient"/> of their own, so concurrent sign-ins neither wait for each other nor run out of sockets.
/// </summary>
[TestFixture]
public sealed partial class SharedStateTests
{
    private static readonly string[] LibraryFolders = ["src/SupabaseBitbucket", "src/SupabaseBitbucket.AspNetCore"];

    private static readonly Assembly[] LibraryAssemblies =
    [
        typeof(ISignInService).Assembly,
        typeof(SupabaseBitbucketAuthenticationOptions).Assembly,
    ];

    [TestCase("lock (_gate)")]
    [TestCase("Monitor.Enter(gate);")]
    [TestCase("using var client = new HttpClient(handler);")]
    [TestCase("private readonly Lazy<Task<string>> _value = new(Load);")]
    [TestCase("await _semaphore.WaitAsync(); // SemaphoreSlim")]
    public void BlockingPattern_MatchesExample(string line)
    {
        BlockingPattern().IsMatch(line).Should().BeTrue();
    }

    [Test]
    public void LibrarySources_UseNoBlockingOrPerCallClient()
    {
        var files = LibraryFolders
            .SelectMany(folder => Directory.EnumerateFiles(Repository.PathOf(folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var findings = files
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, index)))
            .Where(entry => BlockingPattern().IsMatch(entry.line))
            .Select(entry => $"{Path.GetRelativePath(Repository.Root, entry.path)}:{entry.index + 1}: {entry.line.Trim()}")
            .ToList();

        files.Should().HaveCountGreaterThan(50, "the scan must see the library sources");
        findings.Should().BeEmpty();
    }

    [Test]
    public void LibraryAssemblies_HaveNoMutableStaticFields()
    {
        var fields = LibraryAssemblies
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !IsGenerated(type))
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(field => !field.IsInitOnly && !field.IsLiteral && !IsGenerated(field))
            .Select(field => $"{field.DeclaringType!.FullName}.{field.Name}")
            .ToList();

        fields.Should().BeEmpty();
    }

    /// <summary>
    /// Compiler-made closures and source generators (JSON metadata, logging) keep caches of their own, filled once.
    /// </summary>
    private static bool IsGenerated(MemberInfo member)
    {
        for (var current = member; current is not null; current = current.DeclaringType)
        {
            if (current.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
                || current.IsDefined(typeof(GeneratedCodeAttribute), inherit: false)
                || current.Name.Contains('<', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\block\s*\(|\bMonitor\.|\bnew\s+HttpClient\s*\(|\bLazy<|\bSemaphoreSlim\b|\bReaderWriterLock|\bMutex\b")]
    private static partial Regex BlockingPattern();
}
