using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildrenServices.Infrastructure.Persistence.Configurations;

/// <summary>SSDA903 codes are stored as the DfE spells them; five characters leaves room for longer codes in later years (Z11).</summary>
internal static class LookedAfterColumns
{
    public const int Code = 5;

    public const int Postcode = 8;

    /// <summary>SC and six digits, seven digits, or the exempt XXXXXXX.</summary>
    public const int Urn = 8;

    /// <summary>REASON_PLACE_CHANGE codes run to six letters (CUSTOD).</summary>
    public const int ChangeReason = 6;
}

internal sealed class PeriodOfCareConfiguration : IEntityTypeConfiguration<PeriodOfCare>
{
    public void Configure(EntityTypeBuilder<PeriodOfCare> builder)
    {
        builder.ToTable("PeriodsOfCare");
        builder.ConfigureAggregate();
        builder.Property(p => p.CategoryOfNeed).HasMaxLength(LookedAfterColumns.Code);
        builder.Property(p => p.ReasonCeased).HasMaxLength(LookedAfterColumns.Code);
        builder.Property(p => p.HomePostcode).HasMaxLength(LookedAfterColumns.Postcode);
        builder.Property(p => p.PreviousPermanenceOption).HasMaxLength(LookedAfterColumns.Code);
        builder.Property(p => p.PreviousPermanenceLocalAuthority).HasMaxLength(LookedAfterColumns.Code);
        builder.Ignore(p => p.PreviousPermanence);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);

        // The public lists are ordered copies; EF reads and writes the private lists behind them.
        builder.HasMany(p => p.Episodes).WithOne().HasForeignKey(e => e.PeriodOfCareId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.PeriodOfCareId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Visits).WithOne().HasForeignKey(v => v.PeriodOfCareId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.MissingEpisodes).WithOne().HasForeignKey(m => m.PeriodOfCareId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Episodes).HasField("episodes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Reviews).HasField("reviews").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Visits).HasField("visits").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.MissingEpisodes).HasField("missingEpisodes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.DeprivationOfLibertyOrders).WithOne().HasForeignKey(o => o.PeriodOfCareId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.DeprivationOfLibertyOrders).HasField("libertyOrders").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.CurrentEpisode);
        builder.Ignore(p => p.IsOpen);
        builder.HasIndex(p => new { p.ChildId, p.StartedOn });
        builder.HasIndex(p => p.ChildId, OneOpen.PeriodOfCarePerChild).IsUnique().HasFilter(OneOpen.Filter("\"EndedOn\" IS NULL"));
    }
}

internal sealed class CareEpisodeConfiguration : IEntityTypeConfiguration<CareEpisode>
{
    public void Configure(EntityTypeBuilder<CareEpisode> builder)
    {
        builder.ToTable("CareEpisodes");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ReasonForNewEpisode).HasMaxLength(LookedAfterColumns.Code);
        builder.Property(e => e.LegalStatus).HasMaxLength(LookedAfterColumns.Code);
        builder.Property(e => e.CategoryOfNeed).HasMaxLength(LookedAfterColumns.Code);
        builder.Property(e => e.ReasonCeased).HasMaxLength(LookedAfterColumns.Code);
        builder.Property(e => e.ReasonForPlacementChange).HasMaxLength(LookedAfterColumns.ChangeReason);
        builder.ComplexProperty(e => e.Placement, p =>
        {
            p.Property(x => x.Type).HasColumnName("PlacementType").HasMaxLength(LookedAfterColumns.Code);
            p.Property(x => x.Provider).HasColumnName("PlacementProvider").HasMaxLength(LookedAfterColumns.Code);
            p.Property(x => x.Postcode).HasColumnName("PlacementPostcode").HasMaxLength(LookedAfterColumns.Postcode);
            p.Property(x => x.Carer).HasColumnName("Carer").HasMaxLength(Placement.CarerLimit);
            p.Property(x => x.IntendedLongTerm).HasColumnName("PlacementIntendedLongTerm");
            p.Property(x => x.Urn).HasColumnName("PlacementUrn").HasMaxLength(LookedAfterColumns.Urn);
            p.Property(x => x.Approval).HasColumnName("PlacementApproval").HasConversion<string>().HasMaxLength(30);
        });
        builder.Ignore(e => e.IsOpen);
        builder.Ignore(e => e.WhatHappened);

        // Episodes follow one another day by day (an episode cannot start and end on one day, DfE rule 355).
        builder.HasIndex(e => new { e.PeriodOfCareId, e.StartedOn }).IsUnique();
    }
}

internal sealed class ClaReviewConfiguration : IEntityTypeConfiguration<ClaReview>
{
    public void Configure(EntityTypeBuilder<ClaReview> builder)
    {
        builder.ToTable("ClaReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ParticipationCode).HasMaxLength(LookedAfterColumns.Code);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.ReviewingOfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PeriodOfCareId, r.HeldOn }).IsUnique();
        builder.Property(r => r.Attendees).HasMaxLength(PeriodOfCare.ReviewTextLimit);
        builder.Property(r => r.ChildViews).HasMaxLength(PeriodOfCare.ReviewTextLimit);
        builder.Property(r => r.ParentViews).HasMaxLength(PeriodOfCare.ReviewTextLimit);
        builder.HasMany(r => r.Recommendations).WithOne().HasForeignKey(r => r.ClaReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Recommendations).HasField("recommendations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReviewRecommendationConfiguration : IEntityTypeConfiguration<ReviewRecommendation>
{
    public void Configure(EntityTypeBuilder<ReviewRecommendation> builder)
    {
        builder.ToTable("ClaReviewRecommendations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Text).HasMaxLength(ReviewRecommendation.TextLimit);
        builder.Property(r => r.Owner).HasMaxLength(ReviewRecommendation.OwnerLimit);
    }
}

internal sealed class ClaVisitConfiguration : IEntityTypeConfiguration<ClaVisit>
{
    public void Configure(EntityTypeBuilder<ClaVisit> builder)
    {
        builder.ToTable("ClaVisits");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasIndex(v => new { v.PeriodOfCareId, v.VisitedOn });
    }
}

internal sealed class MissingEpisodeConfiguration : IEntityTypeConfiguration<MissingEpisode>
{
    public void Configure(EntityTypeBuilder<MissingEpisode> builder)
    {
        builder.ToTable("MissingEpisodes");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).HasMaxLength(LookedAfterColumns.Code);
        builder.Ignore(m => m.IsOpen);
        builder.HasIndex(m => new { m.PeriodOfCareId, m.StartedOn });
    }
}

internal sealed class DeprivationOfLibertyOrderConfiguration : IEntityTypeConfiguration<DeprivationOfLibertyOrder>
{
    public void Configure(EntityTypeBuilder<DeprivationOfLibertyOrder> builder)
    {
        builder.ToTable("DeprivationOfLibertyOrders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Ignore(o => o.IsOpen);
        builder.HasIndex(o => new { o.PeriodOfCareId, o.StartedOn });
    }
}
