using SupabaseBitbucket.Sample.Web;

await using var app = await SampleApplication.CreateAsync(args);
await app.RunAsync();
