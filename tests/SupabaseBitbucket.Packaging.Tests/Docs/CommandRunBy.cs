namespace SupabaseBitbucket.Packaging.Tests.Docs;

/// <summary>What runs a documented command verbatim.</summary>
internal enum CommandRunBy
{
    /// <summary>The CI script, <c>.ci/run</c>, which must contain the command line.</summary>
    CiScript,

    /// <summary>The consumer-project test, in a new project that takes the packed packages.</summary>
    ConsumerProjectTest,

    /// <summary>The documented-command tests in this project, from the repository root.</summary>
    DocumentedCommandTests,
}
