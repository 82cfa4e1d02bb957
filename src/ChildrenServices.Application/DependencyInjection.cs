using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Calendar;
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
        services.AddScoped<People.Merging.PersonRowMover>();
        services.AddOptions<People.Merging.MergeSettings>();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<People.Merging.MergeSettings>>().Value);
        services.AddScoped<FrontDoor.DecisionConsequences>();
        services.AddSingleton<Timescales.TimescaleSettingsCache>();
        services.AddScoped<Timescales.TimescaleProvider>();
        services.AddScoped<Timescales.StatutoryDueWork>();
        services.AddScoped<Performance.TimelinessFacts>();
        services.AddOptions<RestrictionSettings>();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RestrictionSettings>>().Value);
        services.AddOptions<FrontDoor.FrontDoorSettings>();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<FrontDoor.FrontDoorSettings>>().Value);
        services.AddOptions<CalendarSettings>();
        services.AddSingleton(sp => WorkingDayCalendar.EnglandAndWales.With(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CalendarSettings>>().Value.OneOffHolidays.Select(h => new OneOffHoliday(h.Date, h.Name))));
        return services;
    }
}

/// <summary>Extra one-off holidays a deployment adds (configuration section "Calendar").</summary>
public sealed class CalendarSettings
{
    public List<ExtraHoliday> OneOffHolidays { get; set; } = [];

    public sealed class ExtraHoliday
    {
        public DateOnly Date { get; set; }

        public string Name { get; set; } = "Local holiday";
    }
}
