using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<RecordAccess>(ServiceLifetime.Scoped, includeInternalTypes: false);
        services.AddScoped<RecordAccess>();
        services.AddScoped<DuplicateFinder>();
        services.AddOptions<RestrictionSettings>();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RestrictionSettings>>().Value);
        return services;
    }
}
