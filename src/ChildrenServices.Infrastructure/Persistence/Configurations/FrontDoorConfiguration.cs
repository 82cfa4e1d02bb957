using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Staff;
using ChildrenServices.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildrenServices.Infrastructure.Persistence.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts");
        builder.ConfigureAggregate();
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.Property(c => c.Route).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Consent).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.MashRag).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.ConsentOverrideReason).HasMaxLength(Contact.LongTextLimit);
        builder.Property(c => c.ReportedAdults).HasMaxLength(Contact.LongTextLimit);
        builder.Property(c => c.MashOutcome).HasMaxLength(Contact.LongTextLimit);
        builder.ComplexProperty(c => c.Referrer, r =>
        {
            r.Property(x => x.Name).HasColumnName("ReferrerName").HasMaxLength(Contact.ShortTextLimit);
            r.Property(x => x.Agency).HasColumnName("ReferrerAgency").HasMaxLength(Contact.ShortTextLimit);
            r.Property(x => x.Role).HasColumnName("ReferrerRole").HasMaxLength(Contact.ShortTextLimit);
            r.Property(x => x.Phone).HasColumnName("ReferrerPhone").HasMaxLength(50);
            r.Property(x => x.Email).HasColumnName("ReferrerEmail").HasMaxLength(256);
            r.Property(x => x.SourceCode).HasColumnName("ReferralSourceCode").HasMaxLength(5);
        });
        builder.ComplexProperty(c => c.Account, a =>
        {
            a.Property(x => x.Concerns).HasColumnName("Concerns").HasMaxLength(Contact.LongTextLimit);
            a.Property(x => x.WorkingWell).HasColumnName("WorkingWell").HasMaxLength(Contact.LongTextLimit);
            a.Property(x => x.Worries).HasColumnName("Worries").HasMaxLength(Contact.LongTextLimit);
            a.Property(x => x.LivedExperience).HasColumnName("LivedExperience").HasMaxLength(Contact.LongTextLimit);
        });
        builder.ComplexProperty(c => c.Consultation, a =>
        {
            a.Property(x => x.Discussion).HasColumnName("ConsultationDiscussion").HasMaxLength(Contact.LongTextLimit);
            a.Property(x => x.Advice).HasColumnName("ConsultationAdvice").HasMaxLength(Contact.LongTextLimit);
            a.Property(x => x.BestPlaced).HasColumnName("ConsultationBestPlaced").HasConversion<string>().HasMaxLength(30);
            a.Property(x => x.FollowUp).HasColumnName("ConsultationFollowUp").HasMaxLength(Contact.LongTextLimit);
            a.Property(x => x.FollowUpOn).HasColumnName("ConsultationFollowUpOn");
            a.Property(x => x.RecordedById).HasColumnName("ConsultationRecordedById");
            a.Property(x => x.RecordedAtUtc).HasColumnName("ConsultationRecordedAtUtc");
        });
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.AssignedToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.People).WithOne().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.ReportedChildren).WithOne().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.AgreedActions).WithOne().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.MashChecks).WithOne().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Decisions).WithOne().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Contact.People), nameof(Contact.ReportedChildren), nameof(Contact.AgreedActions), nameof(Contact.MashChecks), nameof(Contact.Decisions) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }

        builder.Ignore(c => c.DecisionInForce);
        builder.Ignore(c => c.PendingDecision);
        builder.HasIndex(c => new { c.Status, c.DecisionDueAtUtc });
        builder.HasIndex(c => c.ReceivedAtUtc);
    }
}

internal sealed class ContactPersonConfiguration : IEntityTypeConfiguration<ContactPerson>
{
    public void Configure(EntityTypeBuilder<ContactPerson> builder)
    {
        builder.ToTable("ContactPeople");
        builder.HasKey(p => new { p.ContactId, p.PersonId });
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PersonId);
    }
}

internal sealed class ReportedChildConfiguration : IEntityTypeConfiguration<ReportedChild>
{
    public void Configure(EntityTypeBuilder<ReportedChild> builder)
    {
        builder.ToTable("ContactReportedChildren");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.GivenName).HasMaxLength(100);
        builder.Property(r => r.FamilyName).HasMaxLength(100);
        builder.Property(r => r.AgeOrOtherDetails).HasMaxLength(Contact.ShortTextLimit);
        builder.Property(r => r.Address).HasMaxLength(500);
        builder.Property(r => r.School).HasMaxLength(Contact.ShortTextLimit);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.MatchedPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreedActionConfiguration : IEntityTypeConfiguration<AgreedAction>
{
    public void Configure(EntityTypeBuilder<AgreedAction> builder)
    {
        builder.ToTable("ContactAgreedActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Action).HasMaxLength(1000);
        builder.Property(a => a.Owner).HasMaxLength(Contact.ShortTextLimit);
    }
}

internal sealed class MashCheckConfiguration : IEntityTypeConfiguration<MashCheck>
{
    public void Configure(EntityTypeBuilder<MashCheck> builder)
    {
        builder.ToTable("MashChecks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Agency).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AgencyName).HasMaxLength(Contact.ShortTextLimit);
        builder.Property(c => c.Question).HasMaxLength(Contact.LongTextLimit);
        builder.Property(c => c.Response).HasMaxLength(Contact.LongTextLimit);
        builder.Property(c => c.Rag).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.ResponseRecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.RespondedAtUtc, c.DueAtUtc });
        builder.Ignore(c => c.IsOutstanding);
    }
}

internal sealed class ContactDecisionConfiguration : IEntityTypeConfiguration<ContactDecision>
{
    public void Configure(EntityTypeBuilder<ContactDecision> builder)
    {
        builder.ToTable("ContactDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.SignOff).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Rationale).HasMaxLength(Contact.LongTextLimit);
        builder.Property(d => d.CorrectionReason).HasMaxLength(Contact.LongTextLimit);
        builder.Property(d => d.SignOffComment).HasMaxLength(Contact.LongTextLimit);
        builder.Property(d => d.ReferralSourceCode).HasMaxLength(5);
        builder.Property(d => d.PrimaryNeedCode).HasMaxLength(5);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(d => d.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(d => d.SignedOffById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(d => d.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.Outcome, d.DecidedAtUtc });
        builder.Ignore(d => d.InForce);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("Referrals");
        builder.ConfigureAggregate();
        builder.Property(r => r.SourceCode).HasMaxLength(5);
        builder.Property(r => r.PrimaryNeedCode).HasMaxLength(5);
        builder.Property(r => r.FirstPrimaryNeedCode).HasMaxLength(5);
        builder.Property(r => r.NoFurtherActionRationale).HasMaxLength(Referral.TextLimit);
        builder.HasOne<Domain.Staff.StaffMember>().WithMany().HasForeignKey(r => r.NoFurtherActionById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.PrimaryNeedRevisions).WithOne().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.PrimaryNeedRevisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.WithdrawnReason).HasMaxLength(Contact.LongTextLimit);
        builder.Property(r => r.ClosureReasonCode).HasMaxLength(5);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Referral>().WithMany().HasForeignKey(r => r.PreviousReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ChildId, r.ReferralDate });

        // The performance pages count the referrals dated in a period.
        builder.HasIndex(r => r.ReferralDate);
        builder.HasIndex(r => new { r.TeamId, r.Status });
        builder.HasIndex(r => r.ChildId, OneOpen.ReferralPerChild).IsUnique().HasFilter(OneOpen.Filter("\"Status\" = 'Open'"));
    }
}

internal sealed class PrimaryNeedRevisionConfiguration : IEntityTypeConfiguration<PrimaryNeedRevision>
{
    public void Configure(EntityTypeBuilder<PrimaryNeedRevision> builder)
    {
        builder.ToTable("ReferralPrimaryNeedRevisions");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.FromCode).HasMaxLength(5);
        builder.Property(x => x.ToCode).HasMaxLength(5);
        builder.HasOne<Domain.Staff.StaffMember>().WithMany().HasForeignKey(x => x.RevisedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EarlyHelpRequestConfiguration : IEntityTypeConfiguration<EarlyHelpRequest>
{
    public void Configure(EntityTypeBuilder<EarlyHelpRequest> builder)
    {
        builder.ToTable("EarlyHelpRequests");
        builder.ConfigureAggregate();
        builder.Property(r => r.Reason).HasMaxLength(Contact.LongTextLimit);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Children).WithOne().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Children).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.TeamId, r.Status });
    }
}

internal sealed class EarlyHelpRequestChildConfiguration : IEntityTypeConfiguration<EarlyHelpRequestChild>
{
    public void Configure(EntityTypeBuilder<EarlyHelpRequestChild> builder)
    {
        builder.ToTable("EarlyHelpRequestChildren");
        builder.HasKey(c => new { c.RequestId, c.ChildId });
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ChildId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Text).HasMaxLength(300);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.RecipientId, n.ReadAtUtc });
    }
}

internal sealed class OnlineRequestDraftConfiguration : IEntityTypeConfiguration<OnlineRequestDraft>
{
    public void Configure(EntityTypeBuilder<OnlineRequestDraft> builder)
    {
        builder.ToTable("OnlineRequestDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => d.ExpiresAtUtc);
    }
}
