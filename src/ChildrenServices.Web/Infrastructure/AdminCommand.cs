using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Infrastructure.Seeding;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// `create-admin --email EMAIL --name "NAME"`: a production database starts empty; this makes its
/// first administrator. The password is read from CS_ADMIN_PASSWORD or typed at the prompt.
/// </summary>
public static class AdminCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Option(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var email = Option("--email");
        var name = Option("--name");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name))
        {
            Console.Error.WriteLine("Usage: create-admin --email EMAIL --name \"FULL NAME\"  (password from CS_ADMIN_PASSWORD or the prompt)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("CS_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password (at least 12 characters): ");
            password = Console.ReadLine();
        }

        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        var problems = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().CreateAsync(email, name, password ?? string.Empty, "Administrator");
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        if (problems.Count == 0)
        {
            Console.WriteLine($"Created administrator {email}");
        }

        return problems.Count == 0 ? 0 : 1;
    }
}
