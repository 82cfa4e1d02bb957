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

internal sealed class CaseWeightSettingsConfiguration : IEntityTypeConfiguration<Domain.Teams.CaseWeightSettings>
{
    public void Configure(EntityTypeBuilder<Domain.Teams.CaseWeightSettings> builder)
    {
        builder.ToTable("CaseWeightSettings");
        builder.ConfigureAggregate();
    }
}

internal sealed class TimelinessFactConfiguration : IEntityTypeConfiguration<Domain.Timescales.TimelinessFact>
{
    public void Configure(EntityTypeBuilder<Domain.Timescales.TimelinessFact> builder)
    {
        builder.ToTable("TimelinessFacts");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedOnAdd();
        builder.Property(f => f.Key).HasMaxLength(Domain.Timescales.TimelinessFact.KeyLimit);
        builder.Property(f => f.Reference).HasMaxLength(20);
        builder.Property(f => f.LateBy).HasMaxLength(40);

        // The totals read a period's facts of every indicator (covering, so no row is visited); the exceptions read one
        // indicator's period backwards to its latest 25 late ones; a refresh replaces one record's facts.
        builder.HasIndex(f => new { f.CountedOn, f.Key, f.InTime });
        builder.HasIndex(f => new { f.Key, f.CountedOn, f.InTime });
        builder.HasIndex(f => f.SourceId);
        // A team's view (ADR 0034): from the children the team led, each one's facts in the period, counted from the index.
        builder.HasIndex(f => new { f.ChildId, f.CountedOn, f.Key, f.InTime });
    }
}

internal sealed class TimelinessRefreshConfiguration : IEntityTypeConfiguration<Domain.Timescales.TimelinessRefresh>
{
    public void Configure(EntityTypeBuilder<Domain.Timescales.TimelinessRefresh> builder)
    {
        builder.ToTable("TimelinessRefresh");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
    }
}

internal sealed class ReturnSettingsConfiguration : IEntityTypeConfiguration<Domain.Returns.ReturnSettings>
{
    public void Configure(EntityTypeBuilder<Domain.Returns.ReturnSettings> builder)
    {
        builder.ToTable("ReturnSettings");
        builder.ConfigureAggregate();
        builder.Property(s => s.LaNumber).HasMaxLength(3);
        builder.Property(s => s.OnsCode).HasMaxLength(9);
        builder.Property(s => s.SoftwareName).HasMaxLength(Domain.Returns.ReturnSettings.SoftwareNameLimit);
    }
}

internal sealed class FeedChildStateConfiguration : IEntityTypeConfiguration<Domain.Returns.Feed.FeedChildState>
{
    public void Configure(EntityTypeBuilder<Domain.Returns.Feed.FeedChildState> builder)
    {
        // No foreign key to the child: the state outlives a record merged away, whose purge it must still send.
        builder.ToTable("FeedChildStates");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Destination).HasMaxLength(Domain.Returns.Feed.FeedChildState.DestinationLimit);
        builder.Property(s => s.LaChildId).HasMaxLength(20);
        builder.Property(s => s.Hash).HasMaxLength(Domain.Returns.Feed.FeedChildState.HashLength);
        builder.Ignore(s => s.EpisodeIds);
        builder.HasIndex(s => new { s.Destination, s.ChildId }).IsUnique();
    }
}

internal sealed class FeedRunLeaseConfiguration : IEntityTypeConfiguration<Domain.Returns.Feed.FeedRunLease>
{
    public void Configure(EntityTypeBuilder<Domain.Returns.Feed.FeedRunLease> builder)
    {
        builder.ToTable("FeedRunLeases");
        builder.HasKey(l => l.Destination);
        builder.Property(l => l.Destination).HasMaxLength(Domain.Returns.Feed.FeedChildState.DestinationLimit).ValueGeneratedNever();
    }
}

internal sealed class FeedSendConfiguration : IEntityTypeConfiguration<Domain.Returns.Feed.FeedSend>
{
    public void Configure(EntityTypeBuilder<Domain.Returns.Feed.FeedSend> builder)
    {
        builder.ToTable("FeedSends");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Destination).HasMaxLength(Domain.Returns.Feed.FeedChildState.DestinationLimit);
        builder.Property(s => s.Receipt).HasMaxLength(100);
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Detail).HasMaxLength(Domain.Returns.Feed.FeedSend.DetailLimit);
        builder.HasIndex(s => s.StartedAtUtc);
    }
}

internal sealed class ChildInNeedPlanConfiguration : IEntityTypeConfiguration<ChildInNeedPlan>
{
    public void Configure(EntityTypeBuilder<ChildInNeedPlan> builder)
    {
        builder.ToTable("ChildInNeedPlans");
        builder.ConfigureAggregate();
        builder.Property(p => p.EndReason).HasMaxLength(ChildInNeedPlan.TextLimit);
        builder.Ignore(p => p.IsOpen);
        builder.Ignore(p => p.LatestReview);
        builder.Ignore(p => p.LatestVisit);
        builder.HasOne<Referral>().WithMany().HasForeignKey(p => p.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Visits).WithOne().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Visits).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => new { p.ChildId, p.EndedOn });
        builder.HasIndex(p => p.ReferralId);
        builder.HasIndex(p => p.ChildId, OneOpen.ChildInNeedPlanPerChild).IsUnique().HasFilter(OneOpen.Filter("\"EndedOn\" IS NULL"));
    }
}

internal sealed class CinReviewConfiguration : IEntityTypeConfiguration<CinReview>
{
    public void Configure(EntityTypeBuilder<CinReview> builder)
    {
        builder.ToTable("ChildInNeedPlanReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Summary).HasMaxLength(ChildInNeedPlan.TextLimit);
    }
}

internal sealed class CinVisitConfiguration : IEntityTypeConfiguration<CinVisit>
{
    public void Configure(EntityTypeBuilder<CinVisit> builder)
    {
        builder.ToTable("ChildInNeedPlanVisits");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
    }
}

internal sealed class ChildProtectionEnquiryConfiguration : IEntityTypeConfiguration<ChildProtectionEnquiry>
{
    public void Configure(EntityTypeBuilder<ChildProtectionEnquiry> builder)
    {
        builder.ToTable("ChildProtectionEnquiries");
        builder.ConfigureAggregate();
        builder.Property(e => e.Agencies).HasMaxLength(ChildProtectionEnquiry.TextLimit);
        builder.Property(e => e.Rationale).HasMaxLength(ChildProtectionEnquiry.TextLimit);
        builder.Property(e => e.Findings).HasMaxLength(ChildProtectionEnquiry.TextLimit);
        builder.Property(e => e.ConferenceOutcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.InitialCategory).HasMaxLength(5);
        builder.Ignore(e => e.IsOpen);
        builder.HasOne<Referral>().WithMany().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.ChairId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.ReferralId);
        builder.HasIndex(e => e.ChildId);
    }
}

internal sealed class ChildProtectionPlanConfiguration : IEntityTypeConfiguration<ChildProtectionPlan>
{
    public void Configure(EntityTypeBuilder<ChildProtectionPlan> builder)
    {
        builder.ToTable("ChildProtectionPlans");
        builder.ConfigureAggregate();
        builder.Property(p => p.InitialCategory).HasMaxLength(5);
        builder.Property(p => p.LatestCategory).HasMaxLength(5);
        builder.Property(p => p.EndReason).HasMaxLength(ChildProtectionPlan.TextLimit + 100);
        builder.Property(p => p.EndedBy).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(p => p.IsOpen);
        builder.Ignore(p => p.LatestReview);
        builder.Ignore(p => p.LatestVisitSeen);
        builder.HasOne<Referral>().WithMany().HasForeignKey(p => p.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChildProtectionEnquiry>().WithMany().HasForeignKey(p => p.EnquiryId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.TransferredFrom).HasMaxLength(ChildProtectionPlan.CouncilNameLimit);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.TransferInChairId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.IsTransferIn);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.CoreGroups).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Visits).WithOne().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.CoreGroups).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Visits).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => new { p.ChildId, p.EndedOn });
        builder.HasIndex(p => p.ChildId, OneOpen.ChildProtectionPlanPerChild).IsUnique().HasFilter(OneOpen.Filter("\"EndedOn\" IS NULL"));
    }
}

internal sealed class CoreGroupConfiguration : IEntityTypeConfiguration<CoreGroup>
{
    public void Configure(EntityTypeBuilder<CoreGroup> builder)
    {
        builder.ToTable("ChildProtectionCoreGroups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
    }
}

internal sealed class CpReviewConfiguration : IEntityTypeConfiguration<CpReview>
{
    public void Configure(EntityTypeBuilder<CpReview> builder)
    {
        builder.ToTable("ChildProtectionReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Category).HasMaxLength(5);
        builder.Property(r => r.Decision).HasMaxLength(ChildProtectionPlan.TextLimit);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.ChairId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CpVisitConfiguration : IEntityTypeConfiguration<CpVisit>
{
    public void Configure(EntityTypeBuilder<CpVisit> builder)
    {
        builder.ToTable("ChildProtectionVisits");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
    }
}

internal sealed class PreProceedingsConfiguration : IEntityTypeConfiguration<PreProceedings>
{
    public void Configure(EntityTypeBuilder<PreProceedings> builder)
    {
        builder.ToTable("PreProceedings");
        builder.ConfigureAggregate();
        builder.Property(p => p.Rationale).HasMaxLength(PreProceedings.TextLimit);
        builder.Property(p => p.FgdmNotOfferedReason).HasMaxLength(PreProceedings.TextLimit);
        builder.Property(p => p.FamilyProposal).HasMaxLength(PreProceedings.TextLimit);
        builder.Property(p => p.FgdmNotHeldReason).HasMaxLength(PreProceedings.TextLimit);
        builder.Property(p => p.DecisionRationale).HasMaxLength(PreProceedings.TextLimit);
        builder.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(p => p.IsOpen);
        builder.Ignore(p => p.InitialMeetingOn);
        builder.Ignore(p => p.ReviewMeetingsCount);
        builder.Ignore(p => p.FgdmSettled);
        builder.HasMany(p => p.Meetings).WithOne().HasForeignKey(m => m.PreProceedingsId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Meetings).HasField("meetings").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Referral>().WithMany().HasForeignKey(p => p.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.StartedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ReferralId);
        builder.HasIndex(p => p.ChildId, OneOpen.PreProceedingsPerChild).IsUnique().HasFilter(OneOpen.Filter("\"DecidedOn\" IS NULL"));
    }
}

internal sealed class PreProceedingsMeetingConfiguration : IEntityTypeConfiguration<PreProceedingsMeeting>
{
    public void Configure(EntityTypeBuilder<PreProceedingsMeeting> builder)
    {
        builder.ToTable("PreProceedingsMeetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Summary).HasMaxLength(PreProceedings.TextLimit);
        builder.HasIndex(m => new { m.PreProceedingsId, m.HeldOn }).IsUnique();
    }
}
