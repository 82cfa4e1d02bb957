namespace ChildrenServices.Application.AccessReports;

/// <summary>A report's period, whole UK days from and to, as the UTC instants the audit trail is kept in.</summary>
public static class AccessPeriod
{
    public static (DateTime From, DateTime To) Utc(DateOnly from, DateOnly to) =>
        (UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)), UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));
}
