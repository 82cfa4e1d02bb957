using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Audit;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Staff;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildrenServices.Infrastructure.Persistence.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("StaffMembers");
        builder.ConfigureAggregate();
        builder.Property(s => s.DisplayName).HasMaxLength(100);
        builder.Property(s => s.Email).HasMaxLength(256);
        builder.Property(s => s.JobTitle).HasMaxLength(100);
        builder.HasIndex(s => s.Email).IsUnique();
        builder.Property(s => s.RegistrationNumber).HasMaxLength(12);
        builder.HasIndex(s => s.RegistrationNumber).IsUnique();
        builder.HasOne<AppUser>().WithOne().HasForeignKey<StaffMember>(s => s.Id).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("Teams");
        builder.ConfigureAggregate();
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("TeamMembers");
        builder.HasKey(m => new { m.TeamId, m.UserId });
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AllocationConfiguration : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> builder)
    {
        builder.ToTable("Allocations");
        builder.ConfigureAggregate();
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.LeadReason).HasMaxLength(6);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.AllocatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ChildId, a.EndedOn });
        builder.HasIndex(a => new { a.WorkerId, a.EndedOn });
        // A team's leads, past and present, for the performance pages' team filter (ADR 0034).
        builder.HasIndex(a => new { a.TeamId, a.Role, a.ChildId });
        builder.Ignore(a => a.IsActive);

        // One lead per child (ChildCase): a second open lead from a request that raced past the case's rule is refused.
        builder.HasIndex(a => a.ChildId, OneOpen.LeadPerChild).IsUnique()
            .HasFilter(OneOpen.Filter("\"EndedOn\" IS NULL AND \"Role\" = 'Lead'"));
    }
}

internal sealed class ReviewingOfficerAllocationConfiguration : IEntityTypeConfiguration<ReviewingOfficerAllocation>
{
    public void Configure(EntityTypeBuilder<ReviewingOfficerAllocation> builder)
    {
        builder.ToTable("ReviewingOfficerAllocations");
        builder.ConfigureAggregate();
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.OfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.AllocatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ChildId, a.EndedOn });
        builder.HasIndex(a => new { a.OfficerId, a.EndedOn });
    }
}

internal sealed class CaseTransferConfiguration : IEntityTypeConfiguration<CaseTransfer>
{
    public void Configure(EntityTypeBuilder<CaseTransfer> builder)
    {
        builder.ToTable("CaseTransfers");
        builder.ConfigureAggregate();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.HandoverNote).HasMaxLength(CaseTransfer.TextLimit);
        builder.Property(t => t.DeclineReason).HasMaxLength(CaseTransfer.TextLimit);
        builder.HasOne<Team>().WithMany().HasForeignKey(t => t.FromTeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(t => t.ToTeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.NewWorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Children).WithOne().HasForeignKey(c => c.TransferId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Children).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(t => new { t.ToTeamId, t.Status });
        builder.HasIndex(t => new { t.FromTeamId, t.Status });
    }
}

internal sealed class TransferChildConfiguration : IEntityTypeConfiguration<TransferChild>
{
    public void Configure(EntityTypeBuilder<TransferChild> builder)
    {
        builder.ToTable("CaseTransferChildren");
        builder.HasKey(c => new { c.TransferId, c.ChildId });
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ChildId);

        // One transfer waiting per child.
        builder.HasIndex(c => c.ChildId, OneOpen.TransferPerChild).IsUnique()
            .HasFilter(OneOpen.Filter("\"IsPending\" = 1"));
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // No foreign keys on purpose: the audit outlives anything it refers to.
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.CorrelationId).HasMaxLength(64);
        builder.HasIndex(a => new { a.PersonId, a.OccurredAtUtc });
        builder.HasIndex(a => new { a.UserId, a.Action, a.OccurredAtUtc });
    }
}

internal sealed class ReadingReasonConfiguration : IEntityTypeConfiguration<Domain.Access.ReadingReason>
{
    public void Configure(EntityTypeBuilder<Domain.Access.ReadingReason> builder)
    {
        builder.ToTable("ReadingReasons");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasMaxLength(Domain.Access.ReadingReason.ReasonLength);
        builder.HasIndex(r => new { r.UserId, r.PersonId, r.ExpiresAtUtc });
        builder.HasIndex(r => new { r.PersonId, r.GivenAtUtc });
    }
}
