using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildrenServices.Infrastructure.Persistence.Configurations;

internal sealed class ChildAndFamilyAssessmentConfiguration : IEntityTypeConfiguration<ChildAndFamilyAssessment>
{
    public void Configure(EntityTypeBuilder<ChildAndFamilyAssessment> builder)
    {
        builder.ToTable("ChildAndFamilyAssessments");
        builder.ConfigureAggregate();
        builder.Property(a => a.Analysis).HasMaxLength(ChildAndFamilyAssessment.TextLimit);
        builder.Property(a => a.LateReason).HasMaxLength(ChildAndFamilyAssessment.TextLimit);
        builder.Property(a => a.ReturnedReason).HasMaxLength(ChildAndFamilyAssessment.TextLimit);
        builder.Property(a => a.FactorCodes).HasMaxLength(200);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(a => a.Factors);
        builder.Ignore(a => a.IsComplete);
        builder.HasOne<Referral>().WithMany().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.AuthorisedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Seen).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Seen).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.ReferralId, a.Status });
        builder.HasIndex(a => new { a.WorkerId, a.Status });
        builder.HasIndex(a => a.ChildId);
    }
}

internal sealed class ChildSeenConfiguration : IEntityTypeConfiguration<ChildSeen>
{
    public void Configure(EntityTypeBuilder<ChildSeen> builder)
    {
        builder.ToTable("AssessmentChildSeen");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}

internal sealed class TimescaleSettingsConfiguration : IEntityTypeConfiguration<Domain.Timescales.TimescaleSettings>
{
    public void Configure(EntityTypeBuilder<Domain.Timescales.TimescaleSettings> builder)
    {
        builder.ToTable("TimescaleSettings");
        builder.ConfigureAggregate();
    }
}
