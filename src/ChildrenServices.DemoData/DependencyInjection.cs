using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.DemoData;

public static class DependencyInjection
{
    /// <summary>
    /// The demo seed and the way it signs in as demo users. Registered in every environment so tests can
    /// seed; the web app only runs it in Development (or for the explicit `seed-demo` command).
    /// </summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services, Action<IServiceProvider, ClaimsPrincipal, string> actAs)
    {
        services.AddSingleton(new DemoSignIn(actAs));
        services.AddScoped<DemoActors>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<CouncilSeeder>();
        return services;
    }
}
