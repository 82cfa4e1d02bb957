using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Staff;
using ChildrenServices.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildrenServices.Infrastructure.Persistence.Configurations;

internal sealed class EarlyHelpEpisodeConfiguration : IEntityTypeConfiguration<EarlyHelpEpisode>
{
    public void Configure(EntityTypeBuilder<EarlyHelpEpisode> builder)
    {
        builder.ToTable("EarlyHelpEpisodes");
        builder.ConfigureAggregate();
        builder.Property(e => e.FamilyName).HasMaxLength(200);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.SupportReason).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Start).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.EndReason).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.EndSummary).HasMaxLength(EarlyHelpEpisode.TextLimit);
        builder.HasOne<Team>().WithMany().HasForeignKey(e => e.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.KeyworkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EarlyHelpRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Children).WithOne().HasForeignKey(c => c.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Children).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(e => new { e.KeyworkerId, e.EndedOn });
        builder.HasIndex(e => new { e.TeamId, e.EndedOn });
        builder.Ignore(e => e.IsOpen);
    }
}

internal sealed class EpisodeChildConfiguration : IEntityTypeConfiguration<EpisodeChild>
{
    public void Configure(EntityTypeBuilder<EpisodeChild> builder)
    {
        builder.ToTable("EarlyHelpEpisodeChildren");
        builder.HasKey(c => new { c.EpisodeId, c.ChildId });
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ChildId);
    }
}

internal sealed class EarlyHelpAssessmentConfiguration : IEntityTypeConfiguration<EarlyHelpAssessment>
{
    public void Configure(EntityTypeBuilder<EarlyHelpAssessment> builder)
    {
        builder.ToTable("EarlyHelpAssessments");
        builder.ConfigureAggregate();
        builder.Property(a => a.Worries).HasMaxLength(EarlyHelpEpisode.TextLimit);
        builder.Property(a => a.WorkingWell).HasMaxLength(EarlyHelpEpisode.TextLimit);
        builder.Property(a => a.NeedsToHappen).HasMaxLength(EarlyHelpEpisode.TextLimit);
        builder.HasOne<EarlyHelpEpisode>().WithOne().HasForeignKey<EarlyHelpAssessment>(a => a.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Voices).WithOne().HasForeignKey(v => v.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Voices).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.IsComplete);
    }
}

internal sealed class ChildVoiceConfiguration : IEntityTypeConfiguration<ChildVoice>
{
    public void Configure(EntityTypeBuilder<ChildVoice> builder)
    {
        builder.ToTable("EarlyHelpChildVoices");
        builder.HasKey(v => new { v.AssessmentId, v.ChildId });
        builder.Property(v => v.Voice).HasMaxLength(EarlyHelpEpisode.TextLimit);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.ChildId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FamilyPlanConfiguration : IEntityTypeConfiguration<FamilyPlan>
{
    public void Configure(EntityTypeBuilder<FamilyPlan> builder)
    {
        builder.ToTable("FamilyPlans");
        builder.ConfigureAggregate();
        builder.HasOne<EarlyHelpEpisode>().WithOne().HasForeignKey<FamilyPlan>(p => p.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Goals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.NextReviewOn);
    }
}

internal sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> builder)
    {
        builder.ToTable("FamilyPlanGoals");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Outcome).HasConversion<string>().HasMaxLength(40);
        builder.Property(g => g.Description).HasMaxLength(2000);
        builder.HasMany(g => g.Actions).WithOne().HasForeignKey(a => a.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("FamilyPlanActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Description).HasMaxLength(1000);
        builder.Property(a => a.Owner).HasMaxLength(200);
    }
}

internal sealed class TafReviewConfiguration : IEntityTypeConfiguration<TafReview>
{
    public void Configure(EntityTypeBuilder<TafReview> builder)
    {
        builder.ToTable("TafReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Attendees).HasMaxLength(2000);
        builder.Property(r => r.Summary).HasMaxLength(EarlyHelpEpisode.TextLimit);
        builder.HasMany(r => r.Progress).WithOne().HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Progress).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class GoalProgressConfiguration : IEntityTypeConfiguration<GoalProgress>
{
    public void Configure(EntityTypeBuilder<GoalProgress> builder)
    {
        builder.ToTable("TafGoalProgress");
        builder.HasKey(p => new { p.ReviewId, p.GoalId });
        builder.Property(p => p.Note).HasMaxLength(2000);
        builder.HasOne<PlanGoal>().WithMany().HasForeignKey(p => p.GoalId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<Domain.Approvals.ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<Domain.Approvals.ApprovalRequest> builder)
    {
        builder.ToTable("ApprovalRequests");
        builder.ConfigureAggregate();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(a => a.StepDownReasonCode);
        builder.Property(a => a.ClosureReasonCode).HasMaxLength(5);
        builder.Property(a => a.Reasons).HasMaxLength(EarlyHelpEpisode.TextLimit);
        builder.Property(a => a.Rationale).HasMaxLength(EarlyHelpEpisode.TextLimit);
        builder.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EarlyHelpEpisode>().WithMany().HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.SocialCare.ChildAndFamilyAssessment>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.DecidedById).OnDelete(DeleteBehavior.Restrict);
        // One step-up waiting per early help family.
        builder.HasIndex(a => a.EpisodeId, OneOpen.StepUpPerEpisode).IsUnique()
            .HasFilter(OneOpen.Filter("\"Kind\" = 'StepUp' AND \"Status\" = 'Pending'"));
        builder.HasMany(a => a.Children).WithOne().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Children).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.TeamId, a.Status });
    }
}

internal sealed class ApprovalChildConfiguration : IEntityTypeConfiguration<Domain.Approvals.ApprovalChild>
{
    public void Configure(EntityTypeBuilder<Domain.Approvals.ApprovalChild> builder)
    {
        builder.ToTable("ApprovalRequestChildren");
        builder.HasKey(c => new { c.RequestId, c.ChildId });
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ChildId);
        builder.Property(c => c.Waiting).HasConversion<string>().HasMaxLength(20);

        // One step-down and one closure waiting per child (ApprovalRequest.OneWaitingPerChild).
        builder.HasIndex(c => new { c.ChildId, c.Waiting }, OneOpen.ApprovalPerChild).IsUnique()
            .HasFilter(OneOpen.Filter("\"Waiting\" IS NOT NULL"));
    }
}
