using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupabaseBitbucket.ConformanceTests.Infrastructure;
using SupabaseBitbucket.ConformanceTests.Recording;

namespace SupabaseBitbucket.ConformanceTests.SameRequest;

/// <summary>Compares the request of the .NET client with the request of auth-js for the same call.</summary>
internal static class RequestComparison
{
    /// <summary>The headers whose values must be identical; the others belong to each HTTP stack.</summary>
    public static readonly string[] ComparedHeaders = ["apikey", "Authorization", "Content-Type", "X-Supabase-Api-Version"];

    /// <summary>
    /// Fails, printing both requests with secrets masked, when method, path, query, JSON body or a compared
    /// header differ.
    /// </summary>
    public static void ShouldMatch(RecordedRequest ours, RecordedRequest theirs, string call)
    {
        var differences = new List<string>();
        if (ours.Method != theirs.Method)
        {
            differences.Add("method");
        }

        if (ours.Path != theirs.Path)
        {
            differences.Add("path");
        }

        if (ours.Query != theirs.Query)
        {
            differences.Add("query");
        }

        if (!BodiesEqual(ours.Body, theirs.Body))
        {
            differences.Add("body");
        }

        differences.AddRange(ComparedHeaders
            .Where(name => ours.Header(name) != theirs.Header(name))
            .Select(name => $"header {name}"));

        if (differences.Count > 0)
        {
            Assert.Fail(
                $"{call}: the .NET request differs from the auth-js request in {string.Join(", ", differences)}.\n"
                + $"--- .NET\n{Describe(ours)}\n--- auth-js\n{Describe(theirs)}");
        }
    }

    /// <summary>Prints a request with tokens, codes, verifiers and keys masked.</summary>
    public static string Describe(RecordedRequest request)
    {
        var text = new StringBuilder();
        text.Append(request.Method).Append(' ').Append(request.Path);
        if (request.Query.Length > 0)
        {
            text.Append('?').Append(SecretMasking.MaskQuery(request.Query));
        }

        text.AppendLine();
        foreach (var name in ComparedHeaders)
        {
            var value = request.Header(name);
            text.Append(name).Append(": ").AppendLine(value is null ? "(absent)" : SecretMasking.MaskHeader(name, value));
        }

        text.Append("body: ").Append(request.Body.Length == 0 ? "(empty)" : SecretMasking.MaskJson(request.Body));
        return text.ToString();
    }

    /// <summary>Compares bodies as JSON values, so key order and whitespace do not matter. Two empty bodies are equal.</summary>
    private static bool BodiesEqual(string ours, string theirs)
    {
        if (ours.Length == 0 || theirs.Length == 0)
        {
            return ours.Length == theirs.Length;
        }

        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(ours), JsonNode.Parse(theirs));
        }
        catch (JsonException)
        {
            return ours == theirs;
        }
    }
}
