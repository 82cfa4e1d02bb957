using ChildrenServices.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildrenServices.Infrastructure.Persistence.Configurations;

internal static class AggregateConfiguration
{
    /// <summary>The columns every editable aggregate has, with its version as the concurrency token.</summary>
    public static void ConfigureAggregate<T>(this EntityTypeBuilder<T> builder)
        where T : Aggregate
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.UpdatedByName).HasMaxLength(100);
    }
}
